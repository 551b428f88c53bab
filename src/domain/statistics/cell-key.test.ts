import { describe, expect, it } from 'vitest'
import { aggregate } from './aggregate.ts'
import {
  cellKeyOf,
  KEY_RANGE,
  MAX_NOISE,
  noiseFor,
  PERTURBATION,
  perturbAggregate,
  perturbCount,
} from './cell-key.ts'

describe('cell-key perturbation', () => {
  it('has a zero-mean, bounded perturbation table covering every key', () => {
    const noises = Array.from({ length: KEY_RANGE }, (_, k) => noiseFor(k))
    expect(noises.reduce((s, n) => s + n, 0) / KEY_RANGE).toBeCloseTo(0, 2)
    expect(Math.max(...noises.map(Math.abs))).toBe(MAX_NOISE)
    expect(PERTURBATION.at(-1)?.below).toBe(KEY_RANGE)
    expect(new Set(noises)).toEqual(new Set([-2, -1, 0, 1, 2]))
    expect(cellKeyOf(KEY_RANGE + 5)).toBe(5)
    expect(cellKeyOf(-1)).toBe(KEY_RANGE - 1)
  })

  it('keeps an empty cell at 0, never publishes 1 … threshold − 1, and stays within the bound', () => {
    expect(perturbCount(0, 1234, 10)).toEqual({ value: 0, status: 'published' })
    for (let count = 1; count < 40; count++)
      for (let key = 0; key < KEY_RANGE; key += 7) {
        const { value, status } = perturbCount(count, key, 10)
        if (value === null) expect(status).toBe('primary')
        else {
          expect(value === 0 || value >= 10).toBe(true)
          expect(Math.abs(value - count)).toBeLessThanOrEqual(MAX_NOISE)
        }
      }
  })

  it('gives the same records the same figure in any table, and totals their own noise', () => {
    const records = Array.from({ length: 60 }, (_, i) => ({
      post: i % 3 ? 'LAND-POIPET' : 'LAND-BAVET',
      sex: i % 2 ? 'F' : 'M',
      recordKey: (i * 2654435761) % KEY_RANGE,
    }))
    const table = (dimensions: string[]) => {
      const counted = aggregate(records, { dimensions })
      if (!counted.ok) throw new Error(counted.error.code)
      const published = perturbAggregate(counted.value, { threshold: 10 })
      if (!published.ok) throw new Error(published.error.code)
      return published.value.cells
    }
    const byPostSex = table(['post', 'sex'])
    const byPost = table(['post'])
    const bySexPost = table(['sex', 'post'])
    for (const cell of byPost) {
      expect(byPostSex.find((c) => c.key.post === cell.key.post && c.key.sex === '*')?.count).toBe(cell.count)
    }
    for (const cell of byPostSex)
      expect(bySexPost.find((c) => c.key.post === cell.key.post && c.key.sex === cell.key.sex)?.count).toBe(
        cell.count,
      )
  })
})
