import { describe, expect, it } from 'vitest'
import { translate } from '../../platform/i18n/catalog.ts'
import { MONTHLY_TABLES, type MonthlyTables, monthlySections, monthRange } from './report-sections.ts'
import type { StatisticsCell, StatisticsResult } from './statistics.contract.ts'

function result(dimensions: string[], cells: [Record<string, string>, number | null][]): StatisticsResult {
  const statisticsCells: StatisticsCell[] = cells.map(([key, value]) => ({
    key,
    value,
    status: value === null ? 'primary' : 'published',
  }))
  return {
    measure: 'travellers',
    dimensions,
    from: '',
    to: '',
    cells: statisticsCells,
    labels: {},
    disclosure: { threshold: 10, suppressedCells: 0 },
  }
}

const empty = (dims: readonly string[]) =>
  result([...dims], [[Object.fromEntries(dims.map((d) => [d, '*'])), 0]])

function tables(overrides: Partial<MonthlyTables>): MonthlyTables {
  const all = Object.fromEntries(
    Object.entries(MONTHLY_TABLES).map(([name, spec]) => [name, empty(spec.dimensions)]),
  )
  return { ...(all as MonthlyTables), ...overrides }
}

describe('the monthly report’s sections', () => {
  it('shows withheld counts as a dash, never as a number, in tables and summary figures', () => {
    const refusals = result(
      ['refusalReason'],
      [
        [{ refusalReason: 'no_valid_visa' }, 42],
        [{ refusalReason: 'entry_ban' }, null],
        [{ refusalReason: 'false_document' }, null],
        [{ refusalReason: '*' }, 57],
      ],
    )
    const direction = result(
      ['direction'],
      [
        [{ direction: 'entry' }, 1200],
        [{ direction: 'exit' }, null],
        [{ direction: '*' }, null],
      ],
    )
    const sections = monthlySections(tables({ refusals, direction }), {
      t: (key, params) => translate('en', key, params),
      number: (n) => n.toLocaleString('en-GB'),
      threshold: 10,
      suppressedCells: 3,
    })
    expect(sections.map((s) => s.title)).toEqual([
      'Summary',
      'Crossings by month and direction',
      'Crossings by point of entry',
      'Travellers by nationality and sex',
      'Refusals of entry by reason',
      'Returnees by province of return',
      'Protection indicators (SDG 16.2.2)',
      'Notes on disclosure control',
    ])
    expect(sections[0]?.figures?.slice(0, 3)).toEqual([
      { label: 'Entries', value: '1,200' },
      { label: 'Exits', value: '–' },
      { label: 'Refusals of entry', value: '57' },
    ])
    expect(sections[4]?.table?.rows).toEqual([
      ['no_valid_visa', '42'],
      ['entry_ban', '–'],
      ['false_document', '–'],
      ['Total', '57'],
    ])
    expect(sections[4]?.chart?.series[0]?.values).toEqual([42, null, null])
    expect(sections[7]?.paragraphs?.[0]).toContain('3 cells withheld')
  })

  it('covers the report’s month, and the eleven before it for the time series', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthRange('2026-10', 11)).toEqual({ from: '2025-11-01', to: '2026-10-31' })
  })
})
