import { describe, expect, it } from 'vitest'
import type { StatisticsCell } from '../../../src/app/statistics/statistics.contract.ts'
import {
  breakdownOf,
  byTotal,
  type CellTable,
  cellsOver,
  firstCategories,
  grandTotal,
  pyramid,
  shape,
} from './shape.ts'

function cell(
  key: Record<string, string>,
  value: number | null,
  status: StatisticsCell['status'] = 'published',
) {
  return { key, value, status: value === null && status === 'published' ? 'primary' : status }
}

function table(cells: StatisticsCell[], labels: CellTable['labels'] = {}): CellTable {
  return { cells, labels }
}

describe('shaping statistics cells for charts', () => {
  const byMonthAndDirection = table(
    [
      cell({ 'period:month': '2025-01', direction: 'entry' }, 40),
      cell({ 'period:month': '2025-01', direction: 'exit' }, null),
      cell({ 'period:month': '2025-03', direction: 'entry' }, 12),
      cell({ 'period:month': '2025-03', direction: 'exit' }, 30),
      cell({ 'period:month': '2025-01', direction: '*' }, 47, 'secondary'),
      cell({ 'period:month': '*', direction: 'entry' }, 52),
      cell({ 'period:month': '*', direction: '*' }, 89),
    ],
    { direction: { entry: 'Entry', exit: 'Exit' } },
  )

  it('keeps interior cells apart from the margins', () => {
    expect(cellsOver(byMonthAndDirection, ['period:month', 'direction'])).toHaveLength(4)
    expect(cellsOver(byMonthAndDirection, ['direction']).map((c) => c.value)).toEqual([52])
  })

  it('fills every period of the range, an absent month as a published zero', () => {
    const s = shape(byMonthAndDirection, 'period:month', 'direction', ['2025-01', '2025-02', '2025-03'])
    expect(s.categories.map((c) => c.code)).toEqual(['2025-01', '2025-02', '2025-03'])
    expect(s.series.map((x) => x.label)).toEqual(['Entry', 'Exit'])
    expect(s.series[0]?.points.map((p) => p.value)).toEqual([40, 0, 12])
    expect(s.series[0]?.points[1]?.status).toBe('published')
  })

  it('keeps a withheld figure withheld, never zero', () => {
    const s = shape(byMonthAndDirection, 'period:month', 'direction')
    expect(s.series[1]?.points[0]).toEqual({ value: null, status: 'primary' })
  })

  it('finds the grand total only where every dimension is totalled', () => {
    expect(grandTotal(byMonthAndDirection)?.value).toBe(89)
    expect(grandTotal(table([cell({ exploitationForm: 'labour' }, 12)]))).toBeUndefined()
  })

  it('builds a pyramid youngest band first, whatever the API order and sex codes', () => {
    const p = pyramid(
      table([
        cell({ sex: 'M', ageBand: '60+' }, 11),
        cell({ sex: 'F', ageBand: '60+' }, 14),
        cell({ sex: 'M', ageBand: '18-24' }, 30),
        cell({ sex: 'F', ageBand: '18-24' }, null),
        cell({ sex: 'X', ageBand: '5-11' }, 10),
        cell({ sex: 'F', ageBand: 'unknown' }, 12),
        cell({ sex: '*', ageBand: '60+' }, 25),
      ]),
    )
    expect(p.rows.map((r) => r.band.code)).toEqual(['5-11', '18-24', '60+', 'unknown'])
    expect(p.rows.map((r) => r.male.value)).toEqual([0, 30, 11, 0])
    expect(p.rows.map((r) => r.female.value)).toEqual([0, null, 14, 12])
    expect(p.others.map((o) => o.code)).toEqual(['X'])
    expect(p.table.series.map((x) => x.code)).toEqual(['M', 'F', 'X'])
    expect(p.table.series[2]?.points.map((x) => x.value)).toEqual([10, 0, 0, 0])
  })

  it('orders categories largest first, all-withheld ones last, and keeps the first few for drawing', () => {
    const s = shape(
      table([
        cell({ nationality: 'THA' }, 50),
        cell({ nationality: 'VNM' }, 900),
        cell({ nationality: 'LAO' }, null),
        cell({ nationality: 'CHN' }, 0),
      ]),
      'nationality',
    )
    const sorted = byTotal(s)
    expect(sorted.categories.map((c) => c.code)).toEqual(['VNM', 'THA', 'CHN', 'LAO'])
    expect(sorted.series[0]?.points.map((p) => p.value)).toEqual([900, 50, 0, null])
    expect(firstCategories(sorted, 2).categories.map((c) => c.code)).toEqual(['VNM', 'THA'])
    expect(firstCategories(sorted, 10)).toBe(sorted)
  })

  it('breaks an indicator down by its last dimension with figures, split by sex where it can', () => {
    const sdg = table([
      cell({ sex: 'F', ageBand: '*', exploitationForm: 'labour' }, 12),
      cell({ sex: 'M', ageBand: '*', exploitationForm: 'labour' }, 30),
      cell({ sex: '*', ageBand: '*', exploitationForm: 'labour' }, 42),
      cell({ sex: 'F', ageBand: '18-24', exploitationForm: 'labour' }, 12),
    ])
    expect(breakdownOf(sdg, ['sex', 'ageBand', 'exploitationForm'])).toEqual({
      category: 'exploitationForm',
      series: 'sex',
    })
    const byPost = table([cell({ post: 'LAND-POIPET' }, 80), cell({ post: '*' }, 80)])
    expect(breakdownOf(byPost, ['post'])).toEqual({ category: 'post' })
    expect(breakdownOf(table([cell({}, 5)]), [])).toBeUndefined()
  })
})
