import { describe, expect, it } from 'vitest'
import { aggregate } from '../../domain/statistics/aggregate.ts'
import { MAX_NOISE } from '../../domain/statistics/cell-key.ts'
import type { StatisticsRecord } from '../../domain/statistics/dimensions.ts'
import { createBudget } from '../../domain/statistics/privacy-budget.ts'
import { seededRandom } from '../../domain/statistics/random.ts'
import { type PublishedCell, TOTAL } from '../../domain/statistics/suppress-aggregate.ts'
import { recoverBySubtraction } from './export-attack.testing.ts'
import { secureRandom } from './export-controlled.ts'
import { mechanismOf, protectForExport } from './export-protect.ts'

function aggregated(records: StatisticsRecord[], dimensions: string[]) {
  const result = aggregate(records, { dimensions })
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

/** Crossings by post and sex with a few small groups, as a month at three posts might look; fixed keys. */
const crossings: StatisticsRecord[] = (
  [
    { post: 'LAND-POIPET', sex: 'F', count: 240 },
    { post: 'LAND-POIPET', sex: 'M', count: 310 },
    { post: 'LAND-POIPET', sex: 'X', count: 2 },
    { post: 'LAND-BAVET', sex: 'F', count: 120 },
    { post: 'LAND-BAVET', sex: 'M', count: 4 },
    { post: 'AIR-PNH', sex: 'F', count: 65 },
    { post: 'AIR-PNH', sex: 'M', count: 71 },
    { post: 'AIR-PNH', sex: 'X', count: 1 },
  ] as StatisticsRecord[]
).map((r, i) => ({ ...r, recordKey: (i * 1597 + (r.count ?? 1) * 211) % 4096 }))

const exact = aggregated(crossings, ['post', 'sex'])
function exactCount(c: PublishedCell): number {
  return exact.cells
    .filter((e) => ['post', 'sex'].every((d) => c.key[d] === TOTAL || e.key[d] === c.key[d]))
    .reduce((s, e) => s + e.count, 0)
}

describe('disclosure control of an export', () => {
  it('perturbs every cell and margin by its records’ keys: bounded, small values withheld, the same cell alike', () => {
    const result = protectForExport(aggregated(crossings, ['post', 'sex']), { threshold: 10 })
    if (!result.ok) throw new Error(result.error.code)
    const { table, suppressedCells } = result.value
    const withheld = table.cells.filter((c) => c.count === null)
    expect(withheld.length).toBe(suppressedCells)
    expect(withheld.length).toBeGreaterThan(0)
    expect(table.cells.filter((c) => c.count !== null && c.count > 0 && c.count < 10)).toEqual([])
    for (const cell of table.cells) {
      if (cell.count === null) expect(exactCount(cell)).toBeLessThan(10 + MAX_NOISE)
      else expect(Math.abs(cell.count - exactCount(cell))).toBeLessThanOrEqual(MAX_NOISE)
    }
    // A post's total is the same records in a table by post alone: it reads the same there.
    const byPost = protectForExport(aggregated(crossings, ['post']), { threshold: 10 })
    if (!byPost.ok) throw new Error(byPost.error.code)
    for (const cell of byPost.value.table.cells) {
      const same = table.cells.find((c) => c.key.post === cell.key.post && c.key.sex === TOTAL)
      expect(same?.count).toBe(cell.count)
    }
  })

  it('adds noise to every cell, zeros included, and spends ε once for the whole table', () => {
    const budget = createBudget(1, 1e-6)
    if (!budget.ok) throw new Error('budget')
    const result = protectForExport(exact, {
      threshold: 10,
      domains: { sex: ['F', 'M', 'X'] },
      noise: {
        mechanism: mechanismOf({ mechanism: 'laplace', epsilon: 0.5 }),
        budget: budget.value,
        random: seededRandom(7),
      },
    })
    if (!result.ok) throw new Error(result.error.code)
    expect(result.value.noise?.budget.spentEpsilon).toBe(0.5)
    const interior = result.value.table.cells.filter((c) => c.key.post !== TOTAL && c.key.sex !== TOTAL)
    // Bavet × X has no record; it is still a cell of the release, noisy like the others.
    expect(interior).toHaveLength(9)
    const published = interior.filter((c) => c.count !== null)
    const exactOf = (c: PublishedCell) =>
      exact.cells.find((e) => e.key.post === c.key.post && e.key.sex === c.key.sex)?.count ?? 0
    expect(published.some((c) => c.count !== exactOf(c))).toBe(true)
    expect(recoverBySubtraction(result.value.table.cells, result.value.table.dimensions)).toEqual([])
  })

  it('refuses noise once the release budget is spent, before drawing any', () => {
    const budget = createBudget(1)
    if (!budget.ok) throw new Error('budget')
    const spent = { ...budget.value, spentEpsilon: 0.8 }
    const result = protectForExport(aggregated(crossings, ['post']), {
      threshold: 10,
      noise: {
        mechanism: { kind: 'laplace', epsilon: 0.5 },
        budget: spent,
        random: () => {
          throw new Error('drew noise')
        },
      },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'statistics.errors.privacyBudgetExceeded' } })
  })

  it('refuses noise over a breakdown that counts a person in several cells', () => {
    const victims: StatisticsRecord[] = [{ exploitationForms: ['forcedLabour', 'sexual'], count: 12 }]
    const budget = createBudget(1)
    if (!budget.ok) throw new Error('budget')
    const result = protectForExport(aggregated(victims, ['exploitationForm']), {
      threshold: 10,
      noise: { mechanism: { kind: 'laplace', epsilon: 0.5 }, budget: budget.value, random: seededRandom(1) },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'exports.errors.noiseNeedsDisjointCells' } })
  })

  it('draws the noise of real exports uniformly from [0, 1) with the operating system’s generator', () => {
    const draws = Array.from({ length: 2000 }, () => secureRandom())
    expect(draws.every((u) => u >= 0 && u < 1)).toBe(true)
    expect(new Set(draws).size).toBe(2000)
    const mean = draws.reduce((s, u) => s + u, 0) / draws.length
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05)
  })
})
