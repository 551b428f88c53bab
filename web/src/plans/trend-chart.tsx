import { useI18n } from '../i18n/i18n.tsx'
import { EChart } from '../statistics/echart.tsx'
import type { ChartOption } from '../statistics/echarts.ts'
import { usePeriodLabel } from '../statistics/format.ts'
import type { IndicatorProgress } from './plans-api.ts'

/** Value and target by quarter over the whole plan; a quarter with no data is a gap, never a zero. */
export function TrendChart({ indicator }: { indicator: IndicatorProgress }) {
  const { t, formatNumber } = useI18n()
  const label = usePeriodLabel()
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v) : t('plans.figure.no_data')),
    },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: indicator.trend.map((f) => label(f.period)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [
      { name: t('plans.dashboard.value'), type: 'bar', data: indicator.trend.map((f) => f.value) },
      {
        name: t('plans.dashboard.target'),
        type: 'line',
        step: 'middle',
        symbol: 'none',
        data: indicator.trend.map((f) => f.target),
      },
    ],
  }
  return (
    <figure className="plan-trend" aria-label={t('plans.dashboard.trend')}>
      <figcaption>{t('plans.dashboard.trend')}</figcaption>
      <EChart option={option} height={260} />
    </figure>
  )
}
