import { lazy, type ReactNode, Suspense, useMemo } from 'react'
import type { StatisticsCatalog, StatisticsQuery } from '../../../src/app/statistics/statistics.contract.ts'
import { periodsBetween } from '../../../src/domain/statistics/periods.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Loading } from '../ui/feedback.tsx'
import { ChartCard } from './chart-card.tsx'
import { barOption, pyramidOption, timeSeriesOption } from './chart-options.ts'
import type { DashboardState } from './dashboard-state.ts'
import { DataTable } from './data-table.tsx'
import { EChart } from './echart.tsx'
import { type FigureSpec, figureDimensions, figureQuery } from './figure-spec.ts'
import { useFormats, usePeriodWords } from './format.ts'
import { periodLabel, readableLabels } from './period-label.ts'
import { byTotal, firstCategories, pyramid, type Shaped, shape } from './shape.ts'
import { useStatisticsQuery } from './use-statistics.ts'

const ProvinceMap = lazy(() => import('./province-map.tsx'))

type ChartSpec = Exclude<FigureSpec, { kind: 'indicator' }>

/** One declared figure: asks its query, shapes the cells, draws chart and table, and passes clicks on. */
export function Figure({
  spec,
  catalog,
  state,
  onDrill,
  actions,
}: {
  spec: ChartSpec
  catalog: StatisticsCatalog
  state: DashboardState
  onDrill: (spec: ChartSpec, code: string) => void
  /** Per-figure tools such as export buttons, given the figure's query (a slot for the exports). */
  actions?: (query: StatisticsQuery) => ReactNode
}) {
  const { t } = useI18n()
  const words = usePeriodWords()
  const query = useMemo(() => figureQuery(spec, catalog, state), [spec, catalog, state])
  const result = useStatisticsQuery(query)
  const threshold = result.data?.disclosure.threshold ?? catalog.suppressionThreshold
  const formats = useFormats(threshold)
  const [category = '', series] = figureDimensions(spec, state.unit)

  const shaped = useMemo<Shaped | undefined>(() => {
    const data = result.data
    if (!data) return undefined
    const readable = (s: Shaped): Shaped => ({
      categories: readableLabels(s.categories, category, words),
      series: series ? readableLabels(s.series, series, words) : s.series,
    })
    if (spec.kind === 'pyramid') {
      const table = pyramid(data).table
      return { ...table, categories: readableLabels(table.categories, 'ageBand', words) }
    }
    // Bars read best largest first; the API sorts by code.
    if (spec.kind === 'bars' && spec.horizontal) return readable(byTotal(shape(data, category, series)))
    if (spec.kind !== 'timeSeries') return readable(shape(data, category, series))
    // Every period of the range, so that a period with nothing recorded shows as zero, not as a gap.
    const periods = periodsBetween(state.from, state.to, state.unit)
    const shaped = shape(data, category, series, periods.ok ? periods.value : undefined)
    return {
      ...shaped,
      categories: shaped.categories.map((c) => ({ ...c, label: periodLabel(c.code, words) })),
    }
  }, [result.data, spec, category, series, state.from, state.to, state.unit, words])

  const chartOption = useMemo(() => {
    if (!shaped || !result.data) return undefined
    switch (spec.kind) {
      case 'timeSeries':
        return timeSeriesOption(shaped, formats, t('dashboards.withheld.short'))
      case 'bars':
        return barOption(spec.top ? firstCategories(shaped, spec.top) : shaped, formats, spec)
      case 'pyramid': {
        const p = pyramid(result.data)
        // The bands as the table names them, in the reader's digits.
        const bands = readableLabels(
          p.rows.map((r) => r.band),
          'ageBand',
          words,
        )
        const rows = p.rows.map((r, i) => ({ ...r, band: bands[i] ?? r.band }))
        return pyramidOption({ ...p, rows }, formats, {
          male: t('dashboards.sex.male'),
          female: t('dashboards.sex.female'),
        })
      }
      case 'map':
        return undefined
    }
  }, [shaped, result.data, spec, formats, t, words])

  if (!query) return null
  const others = spec.kind === 'pyramid' && result.data ? pyramid(result.data).others : []
  const hint =
    spec.kind === 'bars' && spec.top && shaped && shaped.categories.length > spec.top
      ? t('dashboards.topShown', { count: formats.number(spec.top) })
      : others.length > 0
        ? t('dashboards.pyramidOthers', { sexes: others.map((o) => o.label).join(', ') })
        : undefined
  const drill =
    'drill' in spec || spec.kind === 'timeSeries' ? (code: string) => onDrill(spec, code) : undefined
  const drawn = spec.kind === 'bars' && spec.top && shaped ? firstCategories(shaped, spec.top) : shaped
  const empty = !shaped || shaped.series.every((s) => s.points.every((p) => p.value === 0))
  const headingKey = spec.kind === 'pyramid' ? 'ageBand' : category.split(':')[0]
  return (
    <ChartCard
      title={t(spec.label)}
      hint={hint}
      loading={result.loading}
      error={result.error}
      empty={empty}
      withheldCells={result.data?.disclosure.suppressedCells}
      threshold={threshold}
      freshness={result.data?.freshness}
      footer={actions?.(query)}
      chart={
        spec.kind === 'map' && drawn ? (
          <Suspense fallback={<Loading />}>
            <ProvinceMap shaped={drawn} formats={formats} onSelect={drill} />
          </Suspense>
        ) : chartOption && drawn ? (
          <EChart
            option={chartOption}
            height={
              spec.kind === 'bars' && spec.horizontal ? Math.max(240, drawn.categories.length * 28 + 60) : 320
            }
            onClick={
              drill &&
              ((c) => {
                const code = drawn.categories[c.dataIndex]?.code
                if (code) drill(code)
              })
            }
          />
        ) : null
      }
      table={
        shaped && (
          <DataTable
            caption={t(spec.label)}
            categoryHeading={t(`statistics.dimensions.${headingKey}`)}
            shaped={shaped}
            format={formats.point}
            onDrill={drill}
          />
        )
      }
    />
  )
}
