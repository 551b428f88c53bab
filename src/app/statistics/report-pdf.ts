import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { drawChartText, takeChartText } from './report-chart-text.ts'
import { CHART_SIZE, type ChartSpec, chartHeight, chartSvg, hasData } from './report-charts.ts'
import { REPORT_FONTS } from './report-fonts.ts'
import { type FontkitFont, shapeWithHarfBuzz } from './report-shaping.ts'
import { type Doc, heightOf, measure, write } from './report-text.ts'

export interface ReportSection {
  title: string
  /** Short figures shown as label / value lines (the summary). */
  figures?: { label: string; value: string }[]
  chart?: ChartSpec
  table?: { headings: string[]; rows: string[][] }
  paragraphs?: string[]
}

export interface ReportDocument {
  locale: 'en' | 'km'
  title: string
  subtitle: string
  sections: ReportSection[]
  footer: string
  /** Written in place of a chart that has nothing to draw (all counts withheld, or no records). */
  noData?: string
  numberFormat: (n: number) => string
  /** Uncompressed content streams, so a test can read the drawing operators. */
  compress?: boolean
}

// svg-to-pdfkit ships no types; this is the one call the report makes.
const SVGtoPDF = createRequire(import.meta.url)('svg-to-pdfkit') as (
  doc: Doc,
  svg: string,
  x: number,
  y: number,
  options: { fontCallback: () => string; assumePt: boolean },
) => void
const MARGIN = 50
/** A category label wider than this wraps onto a second line rather than squeezing the plot. */
const MAX_LABEL_WIDTH = 170
const CELL_PADDING = 3

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN - 20) doc.addPage()
}

/**
 * Each row is as tall as its tallest cell (a long post name wraps onto two lines), so a wrapped cell
 * pushes the rule and the next row down instead of printing over them.
 */
function drawTable(doc: Doc, table: NonNullable<ReportSection['table']>): void {
  const width = doc.page.width - 2 * MARGIN
  const first = table.headings.length > 1 ? width * 0.4 : width
  const rest = table.headings.length > 1 ? (width - first) / (table.headings.length - 1) : 0
  const cellWidth = (c: number) => (c === 0 ? first : rest) - 2 * CELL_PADDING
  const rows = [table.headings, ...table.rows]
  rows.forEach((row, r) => {
    const style = { size: 9, bold: r === 0 }
    const height =
      Math.max(...row.map((cell, c) => heightOf(doc, cell, { ...style, width: cellWidth(c) }))) +
      2 * CELL_PADDING
    ensureSpace(doc, height)
    const y = doc.y
    row.forEach((cell, c) => {
      doc.x = (c === 0 ? MARGIN : MARGIN + first + (c - 1) * rest) + CELL_PADDING
      doc.y = y + CELL_PADDING
      write(doc, cell, { ...style, width: cellWidth(c), align: c === 0 ? 'left' : 'right' })
    })
    doc.x = MARGIN
    doc.y = y + height
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .lineWidth(r === 0 ? 0.8 : 0.3)
      .strokeColor('#888888')
      .stroke()
  })
  doc.moveDown(0.8)
}

/**
 * The chart's shapes go through svg-to-pdfkit; its text is taken out and written with the report's own
 * text path, so chart labels are shaped, measured and extractable exactly like the body text.
 */
function drawChart(
  doc: Doc,
  chart: ChartSpec,
  o: { fontFamily: string; numberFormat: (n: number) => string },
) {
  const widest = Math.max(0, ...chart.categories.map((c) => measure(doc, c, { size: 9 })))
  const labelWidth = Math.min(Math.ceil(widest) + 4, MAX_LABEL_WIDTH)
  const { svg, texts } = takeChartText(chartSvg(chart, { ...o, labelWidth }))
  const top = doc.y
  SVGtoPDF(doc, svg, MARGIN, top, { fontCallback: () => o.fontFamily, assumePt: true })
  drawChartText(doc, texts, { x: MARGIN, y: top, width: CHART_SIZE.width })
  doc.x = MARGIN
  doc.y = top + chartHeight(chart) + 8
}

/**
 * The monthly report as a PDF: a bookmark per section (so readers jump to it and tests find it), each
 * chart rendered to SVG by ECharts and drawn as vectors, tables with withheld cells shown as a dash.
 */
export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: report.compress ?? true,
    info: { Title: report.title, Subject: report.subtitle, Creator: 'Passage' },
    lang: report.locale,
    displayTitle: true,
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  doc.registerFont('khmer', REPORT_FONTS.khmer)
  doc.registerFont('khmer-bold', REPORT_FONTS.khmerBold)
  doc.registerFont('latin', REPORT_FONTS.latin)
  doc.registerFont('latin-bold', REPORT_FONTS.latinBold)
  // Every string is shaped by HarfBuzz, the reference shaper (see report-shaping.ts for the measured reason).
  for (const [name, path] of [
    ['khmer', REPORT_FONTS.khmer],
    ['khmer-bold', REPORT_FONTS.khmerBold],
    ['latin', REPORT_FONTS.latin],
    ['latin-bold', REPORT_FONTS.latinBold],
  ] as const) {
    doc.font(name)
    await shapeWithHarfBuzz((doc as unknown as { _font: { font: FontkitFont } })._font.font, path)
  }
  const chartFont = report.locale === 'km' ? 'khmer' : 'latin'

  write(doc, report.title, { size: 18, bold: true })
  write(doc, report.subtitle, { size: 11 })
  doc.moveDown()
  for (const section of report.sections) {
    const chart = section.chart && hasData(section.chart) ? section.chart : undefined
    ensureSpace(doc, chart ? chartHeight(chart) + 60 : 80)
    doc.outline.addItem(section.title)
    doc.x = MARGIN
    write(doc, section.title, { size: 13, bold: true })
    doc.moveDown(0.4)
    for (const f of section.figures ?? []) write(doc, `${f.label}: ${f.value}`, { size: 10 })
    if (chart) drawChart(doc, chart, { fontFamily: chartFont, numberFormat: report.numberFormat })
    else if (section.chart && report.noData) {
      write(doc, report.noData, { size: 9.5 })
      doc.moveDown(0.3)
    }
    if (section.table) drawTable(doc, section.table)
    for (const p of section.paragraphs ?? []) {
      write(doc, p, { size: 9.5, width: doc.page.width - 2 * MARGIN })
      doc.moveDown(0.3)
    }
    doc.moveDown(0.6)
  }
  doc.moveDown()
  write(doc, report.footer, { size: 8 })
  doc.end()
  await ended
  return Buffer.concat(chunks)
}
