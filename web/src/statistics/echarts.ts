// Only what the dashboards draw is registered, so the chunk stays a fraction of the full library; the map
// and its colour scale are registered by `province-map.tsx`, in a chunk of their own.
import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  type MapSeriesOption,
} from 'echarts/charts'
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components'
import { type ComposeOption, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

// SVG rather than canvas: text is drawn by the browser with the page's Khmer font, and an SVG chart can be
// put into a PDF as it is.
use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer])

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | MapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>

export { init }

/** The same font stack as the page, so Khmer labels in charts match the rest of the screen. */
export const CHART_FONT = '"Noto Sans Khmer", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

/** Colour-blind-safe (Okabe–Ito) series colours. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
]

/** Withheld figures are hatched grey, never drawn as a bar of some height or as zero. */
export const WITHHELD_STYLE = {
  color: '#c9ced6',
  decal: {
    symbol: 'rect',
    symbolSize: 1,
    dashArrayX: [1, 0],
    dashArrayY: [2, 4],
    rotation: Math.PI / 4,
    color: '#6b7480',
  },
}
