import type { DimensionId, ResolvedDimension } from '../../domain/statistics/dimensions.ts'
import { MEASURES, type Measure } from '../../domain/statistics/hxl-mapping.ts'
import { CROSSING_CONDITIONS, CROSSING_CUBOIDS, LIVE_SOURCES, type Source } from './sources.ts'

export { MEASURES, type Measure }

export function isMeasure(value: string): value is Measure {
  return (MEASURES as readonly string[]).includes(value)
}

export function sourceDimensions(source: Source): DimensionId[] {
  return [
    'period',
    ...(source.age ? (['ageBand'] as const) : []),
    ...(Object.keys(source.dims) as DimensionId[]),
    ...(Object.keys(source.multi ?? {}) as DimensionId[]),
  ]
}

/** The finest source of a measure: what it can be broken down by at all. */
function widestSource(measure: Measure): Source {
  const live = LIVE_SOURCES[measure]
  if (live) return live
  return CROSSING_CUBOIDS[CROSSING_CUBOIDS.length - 1] as Source
}

export function measureDimensions(measure: Measure): DimensionId[] {
  return sourceDimensions(widestSource(measure))
}

const MONTH_UNITS = new Set(['month', 'quarter', 'year'])

function isFirstOfMonth(day: string): boolean {
  return day.endsWith('-01')
}

function isLastOfMonth(day: string): boolean {
  const next = new Date(`${day}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.getUTCDate() === 1
}

/**
 * The smallest source that holds every dimension the request touches (asked and filtered). A month rollup
 * serves only ranges of whole months and periods no finer than a month.
 */
export function sourceFor(
  measure: Measure,
  touched: readonly ResolvedDimension[],
  range: { from: string; to: string },
): { source: Source; where?: string } {
  const live = LIVE_SOURCES[measure]
  if (live) return { source: live }
  const where = measure === 'refusals' ? CROSSING_CONDITIONS.refusals : CROSSING_CONDITIONS.travellers
  const wholeMonths = isFirstOfMonth(range.from) && isLastOfMonth(range.to)
  const source = CROSSING_CUBOIDS.find((cuboid) => {
    const held = new Set(sourceDimensions(cuboid))
    if (!touched.every((d) => held.has(d.definition.id))) return false
    if (cuboid.grain === 'day') return true
    return wholeMonths && touched.every((d) => d.definition.id !== 'period' || MONTH_UNITS.has(d.unit ?? ''))
  })
  return { source: source ?? widestSource(measure), where }
}
