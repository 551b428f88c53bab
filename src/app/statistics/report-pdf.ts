import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { CHART_SIZE, type ChartSpec, chartSvg } from './report-charts.ts'
import { fixKhmerShaping, REPORT_FONTS, type RunFont, scriptRuns } from './report-fonts.ts'

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
  numberFormat: (n: number) => string
  /** Uncompressed content streams, so a test can read the drawing operators. */
  compress?: boolean
}

type Doc = InstanceType<typeof PDFDocument>

// svg-to-pdfkit ships no types; this is the one call the report makes.
const SVGtoPDF = createRequire(import.meta.url)('svg-to-pdfkit') as (
  doc: Doc,
  svg: string,
  x: number,
  y: number,
  options: { fontCallback: () => string; assumePt: boolean },
) => void
const MARGIN = 50
const FONT_NAMES: Readonly<Record<RunFont, [string, string]>> = {
  khmer: ['khmer', 'khmer-bold'],
  latin: ['latin', 'latin-bold'],
  symbol: ['Symbol', 'Symbol'],
}

/** Writes mixed Khmer/Latin text as runs, each in the font that has its glyphs, wrapping as one paragraph. */
function write(
  doc: Doc,
  text: string,
  o: { size: number; bold?: boolean; width?: number; align?: 'left' | 'right' },
) {
  const runs = scriptRuns(text)
  doc.fontSize(o.size)
  runs.forEach((run, i) => {
    doc.font(FONT_NAMES[run.font][o.bold ? 1 : 0])
    doc.text(run.text, { continued: i < runs.length - 1, width: o.width, align: o.align })
  })
  if (runs.length === 0) doc.text('')
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN - 20) doc.addPage()
}

function drawTable(doc: Doc, table: NonNullable<ReportSection['table']>): void {
  const width = doc.page.width - 2 * MARGIN
  const first = table.headings.length > 1 ? width * 0.4 : width
  const rest = table.headings.length > 1 ? (width - first) / (table.headings.length - 1) : 0
  const rowHeight = 16
  const rows = [table.headings, ...table.rows]
  rows.forEach((row, r) => {
    ensureSpace(doc, rowHeight)
    const y = doc.y
    row.forEach((cell, c) => {
      doc.x = c === 0 ? MARGIN : MARGIN + first + (c - 1) * rest
      doc.y = y + 3
      write(doc, cell, {
        size: 9,
        bold: r === 0,
        width: c === 0 ? first - 6 : rest - 6,
        align: c === 0 ? 'left' : 'right',
      })
    })
    doc.x = MARGIN
    doc.y = y + rowHeight
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
  for (const name of ['khmer', 'khmer-bold', 'latin', 'latin-bold']) {
    doc.font(name)
    fixKhmerShaping((doc as unknown as { _font: { font: Parameters<typeof fixKhmerShaping>[0] } })._font.font)
  }
  const chartFont = report.locale === 'km' ? 'khmer' : 'latin'

  write(doc, report.title, { size: 18, bold: true })
  write(doc, report.subtitle, { size: 11 })
  doc.moveDown()
  for (const section of report.sections) {
    ensureSpace(doc, section.chart ? CHART_SIZE.height + 60 : 80)
    doc.outline.addItem(section.title)
    doc.x = MARGIN
    write(doc, section.title, { size: 13, bold: true })
    doc.moveDown(0.4)
    for (const f of section.figures ?? []) write(doc, `${f.label}: ${f.value}`, { size: 10 })
    if (section.chart) {
      const svg = chartSvg(section.chart, { fontFamily: chartFont, numberFormat: report.numberFormat })
      SVGtoPDF(doc, svg, MARGIN, doc.y, { fontCallback: () => chartFont, assumePt: true })
      doc.y += CHART_SIZE.height + 8
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
