import { type ChartOption, WITHHELD_STYLE } from './echarts.ts'
import type { Point, Pyramid, Shaped } from './shape.ts'

/** How figures read: a point (withheld or not) and a bare axis number, both in the reader's digits. */
export interface Formats {
  point: (p: Point) => string
  /** The few characters a withheld bar is labelled with (`<10`); the tooltip and table say it in words. */
  short: (p: Point) => string
  number: (n: number) => string
}
type Format = Formats['point']

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Tooltips are HTML; names come from administered data, so they are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}

function tooltipLines(title: string, lines: { name: string; text: string }[]): string {
  const rows = lines.map((l) =>
    l.name ? `${escapeHtml(l.name)}: <b>${escapeHtml(l.text)}</b>` : `<b>${escapeHtml(l.text)}</b>`,
  )
  return [`<b>${escapeHtml(title)}</b>`, ...rows].join('<br/>')
}

function axisTooltip(shaped: Shaped, format: Format) {
  return {
    trigger: 'axis' as const,
    axisPointer: { type: 'shadow' as const },
    formatter: (params: unknown) => {
      const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined
      const i = first?.dataIndex ?? 0
      return tooltipLines(
        shaped.categories[i]?.label ?? '',
        shaped.series.map((s) => ({
          name: s.label,
          text: format(s.points[i] ?? { value: 0, status: 'published' }),
        })),
      )
    },
  }
}

/** A withheld figure in a bar chart: no height, hatched, and its label says why. */
function withheldItem(point: Point, f: Formats, position: 'left' | 'right' | 'top') {
  return {
    value: 0,
    itemStyle: WITHHELD_STYLE,
    label: { show: true, position, formatter: f.short(point), fontSize: 11, color: '#55606e' },
  }
}

function barItem(point: Point, f: Formats, horizontal: boolean) {
  return point.value === null ? withheldItem(point, f, horizontal ? 'right' : 'top') : point.value
}

function legend(shaped: Shaped) {
  return shaped.series.length > 1 ? { top: 0, type: 'scroll' as const } : undefined
}

/**
 * Months (or days, quarters…) as a line per series. A withheld point leaves a gap in its line, and a
 * dashed line marks the period so the gap is not read as a fall to zero.
 */
export function timeSeriesOption(shaped: Shaped, f: Formats, withheldLabel: string): ChartOption {
  const format = f.point
  const withheld = shaped.categories.filter((_, i) => shaped.series.some((s) => s.points[i]?.value === null))
  return {
    grid: { left: 56, right: 16, top: shaped.series.length > 1 ? 36 : 16, bottom: 40 },
    legend: legend(shaped),
    tooltip: axisTooltip(shaped, format),
    xAxis: { type: 'category', boundaryGap: true, data: shaped.categories.map((c) => c.label) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => f.number(v) } },
    series: shaped.series.map((s, n) => ({
      type: 'line' as const,
      name: s.label,
      data: s.points.map((p) => p.value),
      connectNulls: false,
      symbolSize: 6,
      markLine:
        n === 0 && withheld.length > 0
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed' as const, color: '#6b7480', width: 1 },
              // Labels on many neighbouring periods would overlap; the note under the chart explains the lines.
              label: { show: withheld.length <= 4, formatter: withheldLabel, color: '#55606e' },
              data: withheld.map((c) => ({ xAxis: c.label })),
            }
          : undefined,
    })),
  }
}

/** Bars per category, one colour per series, side by side or stacked; horizontal for long names. */
export function barOption(
  shaped: Shaped,
  f: Formats,
  o: { horizontal?: boolean; stacked?: boolean } = {},
): ChartOption {
  const format = f.point
  const horizontal = o.horizontal ?? false
  const categoryAxis = {
    type: 'category' as const,
    data: shaped.categories.map((c) => c.label),
    inverse: horizontal,
    // Long names (a border checkpoint's full name) are cut so the bars keep their room; the tooltip and the
    // table give them whole.
    axisLabel: horizontal ? { width: 170, overflow: 'truncate' as const } : { hideOverlap: true },
  }
  const valueAxis = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { formatter: (v: number) => f.number(v) },
  }
  return {
    grid: {
      left: horizontal ? 8 : 56,
      right: 40,
      top: shaped.series.length > 1 ? 36 : 16,
      bottom: 24,
      containLabel: horizontal,
    },
    legend: legend(shaped),
    tooltip: axisTooltip(shaped, format),
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: shaped.series.map((s) => ({
      type: 'bar' as const,
      name: s.label,
      stack: o.stacked ? 'total' : undefined,
      data: s.points.map((p) => barItem(p, f, horizontal)),
    })),
  }
}

/** Two mirrored horizontal bars per age band: men to the left, women to the right, youngest at the bottom. */
export function pyramidOption(p: Pyramid, f: Formats, names: { male: string; female: string }): ChartOption {
  const format = f.point
  const bands = p.rows.map((r) => r.band.label)
  // Both sides share one row (barGap -100%) instead of stacking: a stacked zero would sit on the other
  // side's end and put a withheld label inside the opposite bar.
  const side = (key: 'male' | 'female', sign: number) => ({
    type: 'bar' as const,
    name: names[key],
    barGap: '-100%',
    barCategoryGap: '15%',
    data: p.rows.map((r) =>
      r[key].value === null
        ? withheldItem(r[key], f, sign < 0 ? 'left' : 'right')
        : sign * (r[key].value ?? 0),
    ),
  })
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 24, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined
        const row = p.rows[first?.dataIndex ?? 0]
        if (!row) return ''
        return tooltipLines(row.band.label, [
          { name: names.male, text: format(row.male) },
          { name: names.female, text: format(row.female) },
        ])
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(Math.abs(v)) } },
    yAxis: { type: 'category', data: bands, axisTick: { show: false } },
    series: [side('male', -1), side('female', 1)],
  }
}
