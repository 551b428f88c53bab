import { useMemo } from 'react'
import type { StatisticsCatalog } from '../../../src/app/statistics/statistics.contract.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ChartCard } from './chart-card.tsx'
import { barOption } from './chart-options.ts'
import type { DashboardState } from './dashboard-state.ts'
import { DataTable } from './data-table.tsx'
import { EChart } from './echart.tsx'
import { type FigureSpec, figureIndicator } from './figure-spec.ts'
import { useFormats, usePeriodWords } from './format.ts'
import { readableLabels } from './period-label.ts'
import { breakdownOf, byTotal, grandTotal, shape } from './shape.ts'
import { useIndicator } from './use-statistics.ts'

/** An indicator with its written definition: the headline figure (where it has one) and its breakdown. */
export function IndicatorFigure({
  spec,
  catalog,
  state,
}: {
  spec: Extract<FigureSpec, { kind: 'indicator' }>
  catalog: StatisticsCatalog
  state: DashboardState
}) {
  const { t } = useI18n()
  const id = figureIndicator(spec, catalog)
  const post = state.filters.post?.length === 1 ? state.filters.post[0] : undefined
  const result = useIndicator(id, { from: state.from, to: state.to, post })
  const data = result.data
  const threshold = data?.disclosure.threshold ?? catalog.suppressionThreshold
  const formats = useFormats(threshold, data?.unit)
  const words = usePeriodWords()
  const breakdown = useMemo(() => {
    if (!data) return undefined
    const b = breakdownOf(data, data.dimensions)
    if (!b) return undefined
    const shaped = byTotal(shape(data, b.category, b.series))
    const series = b.series ? readableLabels(shaped.series, b.series, words) : shaped.series
    return {
      dimension: b.category,
      shaped: { categories: readableLabels(shaped.categories, b.category, words), series },
    }
  }, [data, words])
  const option = useMemo(
    () => breakdown && barOption(breakdown.shaped, formats, { horizontal: true }),
    [breakdown, formats],
  )
  if (!id) return null
  const entry = catalog.indicators.find((i) => i.id === id)
  const total = data && grandTotal(data)
  return (
    <ChartCard
      title={t(entry?.labelKey ?? spec.label)}
      hint={entry ? t(entry.definitionKey) : undefined}
      loading={result.loading}
      error={result.error}
      empty={!data || (!total && !breakdown)}
      withheldCells={data?.disclosure.suppressedCells}
      threshold={threshold}
      freshness={data?.freshness}
      chart={
        <>
          {total && (
            <p className="indicator-headline" data-testid="indicator-value">
              {formats.point(total)}
            </p>
          )}
          {option && breakdown && (
            <EChart option={option} height={Math.max(200, breakdown.shaped.categories.length * 28 + 60)} />
          )}
        </>
      }
      table={
        breakdown && (
          <DataTable
            caption={t(entry?.labelKey ?? spec.label)}
            categoryHeading={t(`statistics.dimensions.${breakdown.dimension}`)}
            shaped={breakdown.shaped}
            format={formats.point}
          />
        )
      }
    />
  )
}
