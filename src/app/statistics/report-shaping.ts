import { readFile } from 'node:fs/promises'
import { woffToSfnt } from '../../platform/fonts/woff.ts'

/** The parts of a fontkit font (as pdfkit embeds it) that shaping replaces; fontkit ships no types of its own. */
export interface FontkitFont {
  _glyphs: Record<number, unknown>
  getGlyph(id: number, codePoints?: number[]): { id: number; advanceWidth: number; codePoints: number[] }
  layout(text: string, ...rest: unknown[]): unknown
}

export interface Position {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
}

type HarfBuzz = typeof import('harfbuzzjs')
let harfbuzz: Promise<HarfBuzz> | undefined
// The WebAssembly module loads once per process, on the first report: nothing else pays for it.
const loadHarfBuzz = (): Promise<HarfBuzz> => {
  harfbuzz ??= import('harfbuzzjs')
  return harfbuzz
}

const shapers = new Map<
  string,
  Promise<(text: string) => { glyphs: number[]; clusters: number[]; positions: Position[] }>
>()

/** A HarfBuzz shaper for one font file, kept for the process. */
export function harfBuzzShaper(woffPath: string) {
  let shaper = shapers.get(woffPath)
  if (!shaper) {
    shaper = (async () => {
      const hb = await loadHarfBuzz()
      const sfnt = woffToSfnt(await readFile(woffPath))
      const font = new hb.Font(new hb.Face(new hb.Blob(new Uint8Array(sfnt))))
      return (text: string) => {
        const buffer = new hb.Buffer()
        buffer.addText(text)
        buffer.guessSegmentProperties()
        hb.shape(font, buffer)
        const infos = buffer.getGlyphInfos()
        const positions = buffer.getGlyphPositions()
        return {
          glyphs: infos.map((g) => g.codepoint),
          clusters: infos.map((g) => g.cluster),
          positions: positions.map((p) => ({
            xAdvance: p.xAdvance,
            yAdvance: p.yAdvance,
            xOffset: p.xOffset,
            yOffset: p.yOffset,
          })),
        }
      }
    })()
    shapers.set(woffPath, shaper)
  }
  return shaper
}

/**
 * Makes pdfkit's font shape with HarfBuzz. pdfkit asks its fontkit font for `layout(text)` and reads glyphs (id,
 * advance width, code points for ToUnicode) and positions from it; this answers with HarfBuzz's glyphs and
 * positions, and fontkit's glyph objects for the rest. Measured on all 2,712 Khmer words of the interface, fontkit 2
 * on its own (pdfkit's default) shaped only 58.2% as HarfBuzz does: it throws on some marks (ំ after a subscript),
 * skips the font's contextual vowel forms under subscripts, and mixes up cached glyphs (`npm run bench -- shaping`).
 * fontkit caches glyph objects by id with the code points of their first use (so ើ's second half, drawn with the
 * glyph of ី, made later ី copy as ើ): the cache is cleared before each run.
 */
export async function shapeWithHarfBuzz(font: FontkitFont, woffPath: string): Promise<void> {
  const shape = await harfBuzzShaper(woffPath)
  font.layout = (text: string) => {
    font._glyphs = {}
    const run = shape(text)
    const glyphs = run.glyphs.map((id, i) => {
      const first = i === 0 || run.clusters[i - 1] !== run.clusters[i]
      const end = run.clusters.find((c) => c > run.clusters[i]!) ?? text.length
      return font.getGlyph(id, first ? codePointsOf(text.slice(run.clusters[i], end)) : [])
    })
    return {
      glyphs,
      positions: run.positions,
      // A getter, as fontkit's: pdfkit scales the positions in place after layout and then reads the width.
      get advanceWidth() {
        return run.positions.reduce((sum, p) => sum + p.xAdvance, 0)
      },
    }
  }
}

function codePointsOf(text: string): number[] {
  return Array.from(text, (ch) => ch.codePointAt(0) ?? 0)
}
