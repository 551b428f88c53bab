import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compareParsed, scoreParsed } from './compare-names.ts'
import { parseName } from './name-parts.ts'

const here = dirname(fileURLToPath(import.meta.url))
/** The screening quality bench's labelled pairs (Khmer script and romanisations, Thai, Vietnamese, Chinese, …). */
const pairs = ['screening-pairs.jsonl', 'screening-public-pairs.jsonl'].flatMap((file) =>
  readFileSync(join(here, '../../../bench/data', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { a: string; b: string }),
)

// Each pair again under every kind of qualifier: none, agreeing, a year apart, far apart, day and month swapped,
// a partial date, another nationality, another sex.
const qualifiers: [Record<string, unknown>, Record<string, unknown>][] = [
  [{}, {}],
  [{ birthDate: '1980-05-06' }, { birthDate: '1980-05-06' }],
  [{ birthDate: '1980-05-06' }, { birthDate: '1981-05-06' }],
  [{ birthDate: '1980-05-06' }, { birthDate: '1960-01-01' }],
  [{ birthDate: '1980-05-06' }, { birthDate: '1980-06-05' }],
  [{ birthDate: '1980' }, { birthDate: '1980-05-06', sex: 'F' }],
  [
    { nationality: 'KHM', sex: 'M' },
    { nationality: 'THA', sex: 'F' },
  ],
  [
    { birthDate: '1980-05-06', sex: 'M' },
    { birthDate: '1980-05-06', sex: 'F', nationality: 'VNM' },
  ],
]

describe('scoreParsed', () => {
  it('gives exactly the score and decision compareParsed explains, on every labelled pair and qualifier', () => {
    expect(pairs.length).toBeGreaterThan(2000)
    let hits = 0
    for (const { a, b } of pairs) {
      const pa = parseName(a)
      const pb = parseName(b)
      for (const [qa, qb] of qualifiers) {
        const explained = compareParsed(pa, pb, qa, qb)
        const bare = scoreParsed(pa, pb, qa, qb)
        if (bare.score !== explained.score || bare.decision !== explained.decision)
          expect({ a, b, qa, qb, bare }).toEqual({ a, b, qa, qb, bare: explained })
        if (bare.decision !== 'no-match') hits++
      }
    }
    // Both sides of the thresholds are met, or the comparison would prove little.
    expect(hits).toBeGreaterThan(1000)
    expect(hits).toBeLessThan(pairs.length * qualifiers.length)
  })
})
