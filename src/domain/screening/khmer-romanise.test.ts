import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { romaniseKhmer } from './khmer-romanise.ts'
import { parsePart } from './name-parts.ts'
import { comparePart, PART_MIN_SIMILARITY } from './part-similarity.ts'

// The kname list (MIT), carried by the repository: see src/test/fixtures/README.md.
const KNAME = fileURLToPath(new URL('../../test/fixtures/kname-khmer_names.json', import.meta.url))

describe('romaniseKhmer', () => {
  it('reads consonant series: ជា is Chea (o-series), ដារា starts Da (a-series)', () => {
    expect(romaniseKhmer('ជា')[0]).toBe('chea')
    expect(romaniseKhmer('ដារា')).toContain('dara')
  })

  it('reads finals and the bantoc: សុខ Sok, ចាន់ Chan, ថាច់ Thach', () => {
    expect(romaniseKhmer('សុខ')[0]).toBe('sok')
    expect(romaniseKhmer('ចាន់')[0]).toBe('chan')
    expect(romaniseKhmer('ថាច់')[0]).toBe('thach')
  })

  it('follows triisap and muusikatoan: ប៊ុន Bun, វ៉ាន់ Van, ប៉ុល Pol', () => {
    expect(romaniseKhmer('ប៊ុន')[0]).toBe('bun')
    expect(romaniseKhmer('វ៉ាន់')[0]).toBe('van')
    expect(romaniseKhmer('ប៉ុល')[0]).toBe('pol')
  })

  it('splits a subscript cluster across syllables and writes a geminate once: បុប្ផា Bopha, វិជ្ជា Vichea', () => {
    expect(romaniseKhmer('បុប្ផា')[0]).toBe('bopha')
    expect(romaniseKhmer('វិជ្ជា')[0]).toBe('vichea')
    expect(romaniseKhmer('ចន្ទ្រា')[0]).toBe('chantrea')
  })

  it('offers the passport spelling among its forms: បុរី Borey, គឹម Kim, ថោង Thong', () => {
    expect(romaniseKhmer('បុរី')).toContain('borey')
    expect(romaniseKhmer('គឹម')).toContain('kim')
    expect(romaniseKhmer('ថោង')).toContain('thong')
  })

  it('returns nothing for text without Khmer letters and survives stray marks', () => {
    expect(romaniseKhmer('abc')).toEqual([])
    expect(romaniseKhmer('\u17D2\u17CB\u17C6')).toEqual([])
    expect(romaniseKhmer('ក្ក្ក្ក្ក្ក').length).toBeGreaterThan(0)
  })

  it('meets the conventional Latin spelling of nearly every kname word', () => {
    const rows = JSON.parse(readFileSync(KNAME, 'utf8')) as Record<string, string>[]
    const words = new Map<string, string>()
    for (const r of rows) {
      words.set(r.givenName!, r.romanizedGiven!)
      words.set(r.surname!, r.romanizedSurname!)
    }
    const missed = [...words].filter(([khmer, latin]) => {
      const s = comparePart(parsePart(khmer)!, parsePart(latin)!)
      return s.similarity < PART_MIN_SIMILARITY
    })
    expect(missed.length / words.size).toBeLessThan(0.05)
  })
})
