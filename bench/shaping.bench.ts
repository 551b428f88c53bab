/**
 * Shaping bench: every Khmer word of the interface's Khmer strings (`src/locales/km`), shaped for the report PDF
 * by Passage (HarfBuzz, `report-shaping.ts`) and by fontkit 2 on its own (pdfkit's default), each compared glyph
 * by glyph and position by position with HarfBuzz, the reference shaper that Chromium uses. fontkit's figure is
 * the reason the report shapes with HarfBuzz; it counts a word fontkit cannot shape at all as not matching.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { REPORT_FONTS } from '../src/app/statistics/report-fonts.ts'
import { type FontkitFont, harfBuzzShaper, shapeWithHarfBuzz } from '../src/app/statistics/report-shaping.ts'
import type { BenchArea } from './lib/types.ts'

type Run = { glyphs: { id: number }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] }

function khmerWords(): string[] {
  const dir = join(import.meta.dirname, '../src/locales/km')
  const words = new Set<string>()
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const w of v.split(/[\s{}()/,.:;"'«»!?…–—-]+/)) if (/[\u1780-\u17ff]/.test(w)) words.add(w)
    } else if (v && typeof v === 'object') {
      for (const x of Object.values(v)) walk(x)
    }
  }
  for (const f of readdirSync(dir)) walk(JSON.parse(readFileSync(join(dir, f), 'utf8')))
  return [...words]
}

type ShapingFont = Omit<FontkitFont, 'layout'> & { layout(text: string): Run }

function pdfkitFont(): ShapingFont {
  const doc = new PDFDocument()
  doc.registerFont('khmer', REPORT_FONTS.khmer)
  doc.font('khmer')
  return (doc as unknown as { _font: { font: ShapingFont } })._font.font
}

export default {
  area: 'shaping',
  async run(ctx) {
    const words = khmerWords()
    const reference = await harfBuzzShaper(REPORT_FONTS.khmer)
    const fontkit = pdfkitFont()
    const passage = pdfkitFont()
    await shapeWithHarfBuzz(passage, REPORT_FONTS.khmer)
    const agrees = (font: { layout(text: string): Run }, word: string): boolean => {
      let run: Run
      try {
        run = font.layout(word)
      } catch {
        return false
      }
      const want = reference(word)
      return (
        run.glyphs.length === want.glyphs.length &&
        run.glyphs.every((g, i) => g.id === want.glyphs[i]) &&
        run.positions.every(
          (p, i) =>
            Math.abs(p.xAdvance - want.positions[i]!.xAdvance) <= 1 &&
            Math.abs(p.xOffset - want.positions[i]!.xOffset) <= 1 &&
            Math.abs(p.yOffset - want.positions[i]!.yOffset) <= 1,
        )
      )
    }
    const share = (font: { layout(text: string): Run }) =>
      (100 * words.filter((w) => agrees(font, w)).length) / words.length
    const ours = share(passage)
    const theirs = share(fontkit)
    ctx.log(
      `${words.length} Khmer words; fontkit alone differs from HarfBuzz in ${Math.round(((100 - theirs) * words.length) / 100)}`,
    )
    return [
      {
        area: 'shaping',
        name: 'khmer-words-shaped-as-harfbuzz',
        unit: '%',
        value: ours,
        baseline: 'fontkit 2 alone (pdfkit default)',
        baselineValue: theirs,
        better: 'higher',
      },
    ]
  },
} satisfies BenchArea
