import type { StatisticsCatalog, StatisticsQuery } from '../../../src/app/statistics/statistics.contract.ts'
import type { DashboardState, FilterDimension } from './dashboard-state.ts'

/** What clicking a bar, month or province does. */
export type Drill = 'period' | 'postView' | FilterDimension

/** One figure of a dashboard, declared; `measure` lists acceptable measure ids, the first the catalog has wins. */
export type FigureSpec =
  | { kind: 'timeSeries'; label: string; measure: readonly string[]; series?: string }
  | {
      kind: 'bars'
      label: string
      measure: readonly string[]
      category: string
      series?: string
      stacked?: boolean
      horizontal?: boolean
      /** Draw only the largest categories (the table lists all). */
      top?: number
      drill?: Drill
    }
  | { kind: 'pyramid'; label: string; measure: readonly string[] }
  | { kind: 'map'; label: string; measure: readonly string[]; category: string; drill?: Drill }
  | { kind: 'indicator'; label: string; indicator: string }

function dimensionId(name: string): string {
  return name.split(':')[0] ?? name
}

export function figureDimensions(spec: FigureSpec, unit: string): string[] {
  switch (spec.kind) {
    case 'timeSeries':
      return [`period:${unit}`, ...(spec.series ? [spec.series] : [])]
    case 'bars':
      return [spec.category, ...(spec.series ? [spec.series] : [])]
    case 'pyramid':
      return ['sex', 'ageBand']
    case 'map':
      return [spec.category]
    case 'indicator':
      return []
  }
}

/**
 * The query behind a figure, or null when this installation cannot answer it (the measure is not counted,
 * or not by these dimensions): such a figure is left out rather than drawn empty. Filters on dimensions the
 * measure does not have are dropped, since they cannot narrow it.
 */
export function figureQuery(
  spec: FigureSpec,
  catalog: StatisticsCatalog,
  state: DashboardState,
): StatisticsQuery | null {
  if (spec.kind === 'indicator') return null
  const measure = spec.measure
    .map((id) => catalog.measures.find((m) => m.id === id))
    .find((m) => m !== undefined)
  if (!measure) return null
  const dimensions = figureDimensions(spec, state.unit)
  if (!dimensions.every((d) => measure.dimensions.includes(dimensionId(d)))) return null
  const filters: Record<string, string[]> = {}
  for (const [d, values] of Object.entries(state.filters)) {
    if (values && values.length > 0 && measure.dimensions.includes(d)) filters[d] = values
  }
  return { measure: measure.id, dimensions, from: state.from, to: state.to, filters }
}

/** The indicator's id when the catalog offers it. */
export function figureIndicator(spec: FigureSpec, catalog: StatisticsCatalog): string | null {
  if (spec.kind !== 'indicator') return null
  return catalog.indicators.some((i) => i.id === spec.indicator) ? spec.indicator : null
}
