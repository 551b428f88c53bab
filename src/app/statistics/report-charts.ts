import * as echarts from 'echarts'

/** A chart as the report describes it: categories along one axis, one or more series of counts. */
export interface ChartSpec {
  kind: 'bar' | 'line'
  categories: string[]
  /** Null where a count is withheld: drawn as a gap, never as zero. */
  series: { name: string; values: (number | null)[] }[]
  /** Long category names (provinces, reasons) read better down the side. */
  horizontal?: boolean
  stacked?: boolean
}

export const CHART_SIZE = { width: 500, height: 240 } as const
/** Room per category in a horizontal chart: two lines of a wrapped 9 pt Khmer label. */
const ROW_HEIGHT = 30

/** A horizontal chart grows with its categories so that a label wrapped on two lines never meets the next. */
export function chartHeight(spec: ChartSpec): number {
  if (!spec.horizontal) return CHART_SIZE.height
  const top = spec.series.length > 1 ? 28 : 12
  return Math.max(CHART_SIZE.height, top + 40 + spec.categories.length * ROW_HEIGHT)
}

/** A chart with nothing to draw (no categories, or every count withheld) is left out, not drawn as empty axes. */
export function hasData(spec: ChartSpec): boolean {
  return spec.categories.length > 0 && spec.series.some((s) => s.values.some((v) => v !== null))
}

/** Colour-blind-safe (Okabe–Ito) and distinct in greyscale print. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00']

/**
 * Renders with ECharts' server-side SVG renderer: no DOM, no canvas, no animation, so the same data
 * always gives the same drawing. Labels are never truncated here: ECharts measures Khmer with an estimate
 * and cut every long label to the same prefix. The PDF takes the text out and writes it with the real
 * font (report-chart-text.ts); `labelWidth` is the widest category label as that font measures it, and
 * the plot starts after it.
 */
export function chartSvg(
  spec: ChartSpec,
  o: { fontFamily: string; numberFormat: (n: number) => string; labelWidth?: number },
): string {
  const height = chartHeight(spec)
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_SIZE.width, height })
  const categoryAxis = {
    type: 'category' as const,
    data: spec.categories,
    axisLabel: { fontSize: 9, interval: 0, overflow: 'none' as const },
  }
  // Counts are whole numbers: no 0.5 ticks.
  const valueAxis = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { fontSize: 9, formatter: o.numberFormat },
  }
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: o.fontFamily },
    grid: {
      left: spec.horizontal ? (o.labelWidth ?? 130) + 10 : 50,
      right: 16,
      top: spec.series.length > 1 ? 28 : 12,
      bottom: 40,
    },
    legend: spec.series.length > 1 ? { top: 0, textStyle: { fontSize: 9 } } : undefined,
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: spec.series.map((s) => ({
      type: spec.kind,
      name: s.name,
      data: s.values.map((v) => (v === null ? '-' : v)),
      stack: spec.stacked ? 'total' : undefined,
      connectNulls: false,
    })),
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}
