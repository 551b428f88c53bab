import { describe, expect, it } from 'vitest'
import {
  EXAMINATION_FINDINGS,
  EXAMINATION_TEMPLATES,
  GENERIC_CHECKS,
  templateFor,
} from './examination-templates.ts'

const KHMER = /[\u1780-\u17FF]/

describe('examination templates', () => {
  it('give every check a unique id within its template, and templates unique ids', () => {
    expect(new Set(EXAMINATION_TEMPLATES.map((t) => t.id)).size).toBe(EXAMINATION_TEMPLATES.length)
    for (const t of EXAMINATION_TEMPLATES)
      expect(new Set(t.checks.map((c) => c.id)).size, t.id).toBe(t.checks.length)
  })

  it('name every template and check in English and in Khmer script', () => {
    for (const t of EXAMINATION_TEMPLATES) {
      expect(t.name.km, t.id).toMatch(KHMER)
      for (const c of t.checks) {
        expect(c.name.en.trim(), c.id).not.toBe('')
        expect(c.name.km, c.id).toMatch(KHMER)
      }
    }
  })

  it('cover the ICAO Part 2 features in the generic template', () => {
    const ids = GENERIC_CHECKS.map((c) => c.id)
    for (const feature of [
      'mrz_matches_data_page',
      'photo_not_substituted',
      'laminate_intact',
      'uv_features',
      'intaglio',
      'optically_variable',
      'laser_perforation',
      'page_numbering',
      'stitching',
    ]) {
      expect(ids).toContain(`generic.${feature}`)
    }
    expect(GENERIC_CHECKS.every((c) => !c.toBeConfirmed)).toBe(true)
  })

  it('mark every country-specific check as to be confirmed by the document expert', () => {
    for (const state of ['KHM', 'THA', 'VNM', 'LAO', 'CHN']) {
      const template = templateFor(state, 'P')
      expect(template.issuingState).toBe(state)
      const specific = template.checks.filter((c) => !c.id.startsWith('generic.'))
      expect(specific.length).toBeGreaterThan(0)
      expect(specific.every((c) => c.toBeConfirmed)).toBe(true)
    }
  })

  it('falls back to the generic template for other documents', () => {
    expect(templateFor('FRA', 'P').id).toBe('generic')
    expect(templateFor('KHM', 'I').id).toBe('generic')
  })

  it('lists the five overall findings', () => {
    expect(EXAMINATION_FINDINGS).toEqual([
      'genuine',
      'suspected',
      'forged_or_altered',
      'impostor',
      'not_examined',
    ])
  })
})
