import { scriptRuns } from './report-fonts.ts'
import { type Doc, heightOf, measure, write } from './report-text.ts'

/** A text element of a chart's SVG: where ECharts anchors it and how it is styled. */
export interface ChartText {
  text: string
  x: number
  y: number
  anchor: 'start' | 'middle' | 'end'
  size: number
  color: string
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16))
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)))
    return ENTITIES[e] ?? whole
  })
}

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1]
}

/**
 * Takes the text out of an ECharts SVG so that the PDF writes it through the same shaping path as the body
 * text: svg-to-pdfkit places characters one by one from their code points, which drops Khmer vowel signs
 * and subscripts and cannot reorder them. ECharts' SSR output writes each label as one `<text>` with a
 * `translate(x y)` transform, an optional `x`/`y` offset, an anchor and a central baseline.
 */
export function takeChartText(svg: string): { svg: string; texts: ChartText[] } {
  const texts: ChartText[] = []
  const rest = svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_, attrs: string, body: string) => {
    const translate = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/.exec(
      attribute(attrs, 'transform') ?? '',
    )
    const style = attribute(attrs, 'style') ?? ''
    const anchor = attribute(attrs, 'text-anchor')
    texts.push({
      text: unescapeXml(body),
      x: Number(translate?.[1] ?? 0) + Number(attribute(attrs, 'x') ?? 0),
      y: Number(translate?.[2] ?? 0) + Number(attribute(attrs, 'y') ?? 0),
      anchor: anchor === 'end' || anchor === 'middle' ? anchor : 'start',
      size: Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 9),
      color: attribute(attrs, 'fill') ?? '#333333',
    })
    return ''
  })
  return { svg: rest, texts }
}

/**
 * Writes a chart's labels at their anchors, centred on their line (ECharts' `dominant-baseline: central`).
 * A label wider than the room on its anchored side wraps within that room instead of running off the chart.
 */
export function drawChartText(
  doc: Doc,
  texts: readonly ChartText[],
  at: { x: number; y: number; width: number },
): void {
  for (const t of texts) {
    const width = measure(doc, t.text, { size: t.size })
    const room =
      t.anchor === 'end' ? t.x : t.anchor === 'middle' ? 2 * Math.min(t.x, at.width - t.x) : at.width - t.x
    const fits = width <= room
    // A little slack so that rounding never wraps a label that was measured to fit.
    const boxWidth = fits ? width + 2 : Math.max(room, 1)
    const left = t.anchor === 'end' ? t.x - boxWidth : t.anchor === 'middle' ? t.x - boxWidth / 2 : t.x
    const height = heightOf(doc, t.text, { size: t.size, width: boxWidth })
    doc.x = at.x + left
    doc.y = at.y + t.y - height / 2
    // pdfkit aligns each continued run on its own, so mixed-script text is placed by its box and written
    // from the left; only a wrapped single-script label is aligned to its anchor line by line.
    const align = fits || scriptRuns(t.text).length > 1 ? 'left' : t.anchor === 'end' ? 'right' : 'center'
    write(doc, t.text, {
      size: t.size,
      width: boxWidth,
      align: t.anchor === 'start' ? 'left' : align,
      color: t.color,
    })
  }
}
