import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type BirthDates, CandidatePool } from './candidate-pool.ts'
import { yearByte } from './qualifiers.ts'

const SLOTS = 3000

/** A query as the pool sees it: words, each a few posting lists (sorted slots) with a weight. */
type Word = { slots: number[]; w: number }[]

const list = (size: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: SLOTS - 1 }), { minLength: 1, maxLength: size, size: 'max' })
    .map((a) => a.sort((x, y) => x - y))

const word = (size: number, weight: { min: number; max: number }) =>
  fc.array(fc.record({ slots: list(size), w: fc.double({ ...weight, noNaN: true }) }), {
    minLength: 1,
    maxLength: 3,
  })

/** Rare words of high weight and a common one of low weight, in any order: the shape pruning is for. */
const query = fc
  .tuple(
    fc.array(word(300, { min: 3, max: 9 }), { minLength: 1, maxLength: 3 }),
    word(2500, { min: 0.05, max: 2 }),
    fc.nat(4),
  )
  .map(([rare, common, at]) => {
    const words = [...rare]
    words.splice(at % (words.length + 1), 0, common)
    return words
  })

const births = fc
  .array(
    fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1960, max: 1964 }).map((y) => y * 10000 + 101),
    ),
    {
      minLength: SLOTS,
      maxLength: SLOTS,
    },
  )
  .map((packed): BirthDates => {
    const a = Int32Array.from(packed)
    return { packed: a, years: Uint8Array.from(a, yearByte) }
  })

function top(pool: CandidatePool, words: Word[], n: number, birth: BirthDates, date: number): number[] {
  pool.begin()
  for (const w of words) {
    for (const l of w) pool.accumulate(Int32Array.from(l.slots), l.slots.length, l.w)
    pool.endWord()
  }
  return pool.top(n, birth, date)
}

describe('CandidatePool', () => {
  it('chooses the same top when it looks the common words up instead of merging them', () => {
    const pruning = new CandidatePool()
    const merging = new CandidatePool({ prune: false })
    let lookedUp = 0
    fc.assert(
      fc.property(
        query,
        fc.integer({ min: 1, max: 60 }),
        births,
        fc.constantFrom(0, 19620101, 19630000),
        (words, n, birth, date) => {
          const expected = top(merging, words, n, birth, date)
          expect(top(pruning, words, n, birth, date)).toEqual(expected)
          if (pruning.lookedUp > 0) lookedUp++
        },
      ),
      { numRuns: 300, endOnFailure: true },
    )
    // The property says nothing unless the looked-up path ran.
    expect(lookedUp).toBeGreaterThan(20)
  })

  it('lifts a candidate born on the query date over an equal one', () => {
    const pool = new CandidatePool()
    const packed = new Int32Array(SLOTS)
    packed[7] = 19620101
    const birth = { packed, years: Uint8Array.from(packed, yearByte) }
    const words: Word[] = [[{ slots: [3, 7, 9], w: 1 }]]
    expect(top(pool, words, 1, birth, 19620101)).toEqual([7])
    expect(top(pool, words, 1, birth, 0)).toEqual([3])
  })

  it('keeps the year of a date outside the byte range exact', () => {
    expect([0, 18010101, 20540101, 18000101, 20990101].map(yearByte)).toEqual([0, 1, 254, 255, 255])
  })
})
