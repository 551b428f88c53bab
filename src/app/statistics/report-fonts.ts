import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const files = join(dirname(require.resolve('@fontsource/noto-sans-khmer/package.json')), 'files')

/**
 * Noto Sans Khmer as Fontsource ships it, in WOFF (fontkit reads WOFF, not WOFF2). The Khmer subset also
 * holds Basic Latin, so one font writes a Khmer report with its Latin codes and digits; the Latin subset
 * adds the accents and typographic quotes an English report uses.
 */
export const REPORT_FONTS = {
  khmer: join(files, 'noto-sans-khmer-khmer-400-normal.woff'),
  khmerBold: join(files, 'noto-sans-khmer-khmer-700-normal.woff'),
  latin: join(files, 'noto-sans-khmer-latin-400-normal.woff'),
  latinBold: join(files, 'noto-sans-khmer-latin-700-normal.woff'),
} as const

interface GlyphPosition {
  xOffset: number
  yOffset: number
}
/** The parts of a fontkit font the fix touches (fontkit ships no types of its own). */
export interface FontkitFont {
  _glyphs: Record<number, unknown>
  layout(text: string, ...rest: unknown[]): { glyphs: { codePoints: number[] }[]; positions: GlyphPosition[] }
  _layoutEngine: { engine?: { GPOSProcessor?: object | null } }
}
interface GposPrototype {
  applyLookup(lookupType: number, table: unknown): boolean
  applyAnchor(markRecord: unknown, baseAnchor: unknown, baseGlyphIndex: number): void
  __passageNullAnchor?: true
}

const NULL_ANCHOR = Symbol('null anchor')

/**
 * Two fontkit 2.0.4 faults break Khmer, and both are fixed here on the font object pdfkit uses:
 *
 * 1. Glyph objects are cached by glyph id with the code points of their first use. Noto Sans Khmer draws
 *    the second half of the split vowel ើ with the glyph of ី, so once a text holds ើ, every later ី was
 *    taken for ើ and got a stray េ in front (ស្រី came out as េស្រី). Clearing the cache before each layout
 *    keeps every run independent.
 * 2. A mark-to-base subtable may hold a null anchor for a base that has no attachment point for that
 *    mark class. HarfBuzz skips such a subtable so a later one positions the mark; fontkit throws, so any
 *    text with ំ (ភ្នំពេញ, កំពង់ចាម, ចំនួន) crashed. The patch makes the subtable not apply, as HarfBuzz does.
 */
export function fixKhmerShaping(font: FontkitFont): void {
  const layout = font.layout.bind(font)
  font.layout = (text, ...rest) => {
    font._glyphs = {}
    return layout(text, ...rest)
  }
  const gpos = font._layoutEngine.engine?.GPOSProcessor
  if (!gpos) return
  const proto = Object.getPrototypeOf(gpos) as GposPrototype
  if (proto.__passageNullAnchor) return
  const applyAnchor = proto.applyAnchor
  const applyLookup = proto.applyLookup
  proto.applyAnchor = function (this: GposPrototype, markRecord, baseAnchor, baseGlyphIndex) {
    if (baseAnchor === null || baseAnchor === undefined) throw NULL_ANCHOR
    applyAnchor.call(this, markRecord, baseAnchor, baseGlyphIndex)
  }
  proto.applyLookup = function (this: GposPrototype, lookupType, table) {
    try {
      return applyLookup.call(this, lookupType, table)
    } catch (error) {
      if (error === NULL_ANCHOR) return false
      throw error
    }
  }
  proto.__passageNullAnchor = true
}

export type RunFont = 'khmer' | 'latin' | 'symbol'

/**
 * Neither Noto subset has Greek, so ε and δ (the privacy parameters) are written with the PDF's standard
 * Symbol font, where they sit at the letters e and d.
 */
const SYMBOL: Readonly<Record<string, string>> = { ε: 'e', δ: 'd' }

/** Splits text into runs by the font that can draw them; spaces join the run they sit in. */
export function scriptRuns(text: string): { font: RunFont; text: string }[] {
  const runs: { font: RunFont; text: string }[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    const font: RunFont =
      SYMBOL[ch] !== undefined ? 'symbol' : code >= 0x1780 && code <= 0x17ff ? 'khmer' : 'latin'
    const glyph = SYMBOL[ch] ?? ch
    const last = runs.at(-1)
    const joins = (ch === ' ' || code === 0x200b) && last?.font !== 'symbol'
    if (last && (last.font === font || joins)) last.text += glyph
    else runs.push({ font, text: glyph })
  }
  return runs
}
