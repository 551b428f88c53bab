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
