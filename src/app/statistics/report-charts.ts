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

/** Colour-blind-safe (Okabe–Ito) and distinct in greyscale print. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00']

/**
 * Renders with ECharts' server-side SVG renderer: no DOM, no canvas, no animation, so the same data
 * always gives the same drawing. The font family is the one the PDF registers under that name.
 */
export function chartSvg(
  spec: ChartSpec,
  o: { fontFamily: string; numberFormat: (n: number) => string },
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE })
  const categoryAxis = {
    type: 'category' as const,
    data: spec.categories,
    axisLabel: { fontSize: 9, interval: 0, width: spec.horizontal ? 130 : 70, overflow: 'truncate' as const },
  }
  const valueAxis = { type: 'value' as const, axisLabel: { fontSize: 9, formatter: o.numberFormat } }
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: o.fontFamily },
    grid: { left: spec.horizontal ? 140 : 50, right: 16, top: spec.series.length > 1 ? 28 : 12, bottom: 40 },
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
