import type PDFDocument from 'pdfkit'
import { type RunFont, scriptRuns } from './report-fonts.ts'

export type Doc = InstanceType<typeof PDFDocument>

export const FONT_NAMES: Readonly<Record<RunFont, [string, string]>> = {
  khmer: ['khmer', 'khmer-bold'],
  latin: ['latin', 'latin-bold'],
  symbol: ['Symbol', 'Symbol'],
}

export interface TextStyle {
  size: number
  bold?: boolean
  width?: number
  align?: 'left' | 'right' | 'center'
  color?: string
}

/**
 * A Khmer run split where a line may break (space, zero-width space), each piece keeping its separator. A
 * piece never wraps inside itself, so its ActualText covers glyphs on one line only.
 */
function pieces(text: string): string[] {
  return text.match(/[^ \u200b]+[ \u200b]*|[ \u200b]+/g) ?? []
}

/**
 * Writes mixed Khmer/Latin text as runs, each in the font that has its glyphs, wrapping as one paragraph.
 * This is the only way report text reaches the page (headings, tables and chart labels alike), so every
 * word goes through the same shaping (fontkit with the fixes in report-fonts.ts).
 *
 * Shaped Khmer glyphs are not in reading order (a pre-base vowel is drawn before its consonant, a subscript
 * after it), so extraction from the glyphs alone gives the letters out of order. Each Khmer piece is wrapped
 * in a marked-content span whose ActualText is the logical text: pdftotext, copy and screen readers take
 * the text from there.
 */
export function write(doc: Doc, text: string, o: TextStyle): void {
  const runs = scriptRuns(text).flatMap((run) =>
    run.font === 'khmer' ? pieces(run.text).map((t) => ({ font: run.font, text: t })) : [run],
  )
  doc.fontSize(o.size)
  if (o.color) doc.fillColor(o.color)
  runs.forEach((run, i) => {
    doc.font(FONT_NAMES[run.font][o.bold ? 1 : 0])
    const options = { continued: i < runs.length - 1, width: o.width, align: o.align }
    if (run.font === 'khmer' && /[\u1780-\u17ff]/.test(run.text))
      withActualText(doc, run.text.replace(/\u200b/g, ''), () => doc.text(run.text, options))
    else doc.text(run.text, options)
  })
  if (runs.length === 0) doc.text('')
  if (o.color) doc.fillColor('black')
}

/** A PDF text string in UTF-16BE with its byte order mark, as hex. */
function pdfTextString(text: string): string {
  return `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`
}

/**
 * Marks the glyphs `draw` writes with ActualText. The span opens right after BT and closes right before
 * ET, inside pdfkit's own save/restore: Poppler places an ActualText with the transformation in force at
 * EMC, and a span closed after pdfkit's restore landed upside down on another line. Should pdfkit break
 * the piece over two lines (a word longer than the column), the text is given once, on the first.
 */
function withActualText(doc: Doc, text: string, draw: () => void): void {
  const target = doc as unknown as { addContent(content: string): Doc }
  const addContent = target.addContent
  let given = false
  target.addContent = function (this: Doc, content: string) {
    if (content === 'ET') addContent.call(this, 'EMC')
    addContent.call(this, content)
    if (content === 'BT') {
      addContent.call(this, `/Span << /ActualText ${pdfTextString(given ? '' : text)} >> BDC`)
      given = true
    }
    return this
  }
  try {
    draw()
  } finally {
    target.addContent = addContent
  }
}

/** Width of the text on one line, each run measured in its own font (the shaped advance widths). */
export function measure(doc: Doc, text: string, o: { size: number; bold?: boolean }): number {
  doc.fontSize(o.size)
  let width = 0
  for (const run of scriptRuns(text)) {
    doc.font(FONT_NAMES[run.font][o.bold ? 1 : 0])
    width += doc.widthOfString(run.text)
  }
  return width
}

/** Height the text takes when wrapped to `width`, measured by writing it nowhere (pdfkit's own wrapping). */
export function heightOf(doc: Doc, text: string, o: { size: number; bold?: boolean; width: number }): number {
  const runs = scriptRuns(text)
  doc.fontSize(o.size)
  // heightOfString only sees one font; the widest-line font (Khmer, the taller face) gives a safe height.
  const font = runs.some((r) => r.font === 'khmer') ? 'khmer' : 'latin'
  doc.font(FONT_NAMES[font][o.bold ? 1 : 0])
  return doc.heightOfString(text, { width: o.width })
}
