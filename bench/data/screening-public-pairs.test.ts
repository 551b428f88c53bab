import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { PublicPair } from './screening-public-pairs.build.ts'
import { splitOf } from './screening-public-split.ts'

const load = (file: string): PublicPair[] =>
  readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PublicPair)

describe('the public screening pairs (issue 19)', () => {
  const pairs = load('./screening-public-pairs.jsonl')
  const looks = load('./screening-khmer-lookalikes.jsonl')

  it('split every pair by the fixed hash, so none moves between dev and held-out', () => {
    for (const p of [...pairs, ...looks]) expect(p.split, p.id).toBe(splitOf(p.a, p.b))
    expect(splitOf('ทักษิณ', 'Thaksin')).toBe(splitOf('ทักษิณ', 'Thaksin'))
  })

  it('hold out about half, with at least 20 held-out pairs in each script the issue judges', () => {
    const held = pairs.filter((p) => p.split === 'held-out')
    expect(held.length / pairs.length).toBeGreaterThan(0.4)
    expect(held.length / pairs.length).toBeLessThan(0.6)
    for (const script of ['arabic', 'thai', 'myanmar', 'cyrillic', 'han', 'hangul'])
      expect(held.filter((p) => p.script === script).length, script).toBeGreaterThanOrEqual(20)
    expect(looks.filter((p) => p.split === 'held-out').length).toBeGreaterThanOrEqual(100)
  })

  it('never label one pair of names both ways', () => {
    const label = new Map<string, boolean>()
    for (const p of pairs) {
      const key = `${p.a}\u0000${p.b}`
      if (label.has(key)) expect(label.get(key), p.id).toBe(p.match)
      label.set(key, p.match)
    }
  })
})
