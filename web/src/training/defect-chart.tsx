import { useI18n } from '../i18n/i18n.tsx'
import { EChart } from '../statistics/echart.tsx'
import type { ChartOption } from '../statistics/echarts.ts'
import type { DefectTally } from './types.ts'

// Fixed meanings, not palette order: found is green, too late amber, missed red, false alarm grey.
const SERIES = [
  { key: 'found', label: 'training.web.found', color: '#15803d' },
  { key: 'foundLate', label: 'training.web.found_late', color: '#d97706' },
  { key: 'missed', label: 'training.web.missed', color: '#b91c1c' },
  { key: 'falseAlarms', label: 'training.web.false_alarms', color: '#64748b' },
] as const

/**
 * A session's results per defect kind as stacked bars, one bar per kind: a trainer sees at a glance which check
 * the group misses. The table beside it says the same in numbers (the chart is hidden from screen readers).
 */
export function DefectChart({ rows }: { rows: DefectTally[] }) {
  const { t, formatNumber } = useI18n()
  // Top to bottom in the order the defects are listed everywhere else.
  const shown = [...rows].reverse()
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    yAxis: { type: 'category', data: shown.map((r) => t(`training.defect.${r.defect}.name`)) },
    series: SERIES.map((s) => ({
      name: t(s.label),
      type: 'bar',
      stack: 'defects',
      itemStyle: { color: s.color },
      data: shown.map((r) => r[s.key]),
    })),
  }
  return <EChart option={option} height={Math.max(160, rows.length * 36 + 60)} />
}
