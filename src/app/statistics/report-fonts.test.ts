import { readFileSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { woffToSfnt } from '../../platform/fonts/woff.ts'
import { REPORT_FONTS, scriptRuns } from './report-fonts.ts'
import { type FontkitFont, harfBuzzShaper, shapeWithHarfBuzz } from './report-shaping.ts'

type Font = Omit<FontkitFont, 'layout'> & {
  layout(text: string): { glyphs: { id: number; codePoints: number[] }[]; positions: { yOffset: number }[] }
  glyphForCodePoint(code: number): { id: number }
}

/** The fontkit font pdfkit itself opens for the Khmer face, as the report uses it. */
function khmerFont(): Font {
  const doc = new PDFDocument()
  doc.registerFont('khmer', REPORT_FONTS.khmer)
  doc.font('khmer')
  return (doc as unknown as { _font: { font: Font } })._font.font
}

const codePointsOf = (font: Font, text: string) => font.layout(text).glyphs.flatMap((g) => g.codePoints)

describe('Khmer shaping in the report', () => {
  it('is not left to fontkit: it crashes on ំ, adds a stray vowel after ើ, and misses contextual vowel forms', () => {
    const font = khmerFont()
    expect(() => font.layout('ភ្នំពេញ')).toThrow()
    font.layout('កើត')
    expect(codePointsOf(font, 'ស្រី')).toContain(0x17c1)
  })

  it('shapes with HarfBuzz: ំ placed on its base, split vowels and subscripts in visual order, text kept for copying', async () => {
    const font = khmerFont()
    const fontkitGlyphs = font.layout('ការត្រួតពិនិត្យ').glyphs.map((g) => g.id)
    await shapeWithHarfBuzz(font, REPORT_FONTS.khmer)
    const phnomPenh = font.layout('ភ្នំពេញ')
    // ំ is placed on its base by mark positioning, not left at the origin.
    const nikahit = phnomPenh.glyphs.findIndex((g) => g.id === font.glyphForCodePoint(0x17c6).id)
    expect(nikahit).toBeGreaterThan(0)
    expect(phnomPenh.positions[nikahit]?.yOffset ?? 0).not.toBe(0)
    font.layout('កើត')
    expect(codePointsOf(font, 'ស្រី').sort()).toEqual([0x179a, 0x179f, 0x17b8, 0x17d2])
    // ែ is drawn before the consonant cluster it follows in memory.
    const khmer = font.layout('ខ្មែរ').glyphs
    expect(khmer[0]?.id).toBe(font.glyphForCodePoint(0x17c2).id)
    expect(khmer.flatMap((g) => g.codePoints).sort()).toEqual([0x1781, 0x1798, 0x179a, 0x17c2, 0x17d2].sort())
    // ួ under the subscript ្រ takes the lowered form HarfBuzz chooses from the font's rules, where fontkit did not.
    const shaped = font.layout('ការត្រួតពិនិត្យ').glyphs.map((g) => g.id)
    expect(shaped).toEqual((await harfBuzzShaper(REPORT_FONTS.khmer))('ការត្រួតពិនិត្យ').glyphs)
    expect(shaped).not.toEqual(fontkitGlyphs)
  })

  it('reads WOFF into the OpenType tables it wraps, and refuses a cut or foreign file', () => {
    const woff = readFileSync(REPORT_FONTS.khmer)
    const sfnt = woffToSfnt(woff)
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4))
    expect(sfnt.length).toBe(woff.readUInt32BE(16))
    expect(() => woffToSfnt(woff.subarray(0, 200))).toThrow(/cut short/)
    expect(() =>
      woffToSfnt(Buffer.from('not a font at all, but long enough to have a header of 44 bytes')),
    ).toThrow(/not a WOFF/)
  })

  it('splits text into runs by the font that has the glyphs', () => {
    expect(scriptRuns('ខេត្ត Battambang ε = 0.5')).toEqual([
      { font: 'khmer', text: 'ខេត្ត ' },
      { font: 'latin', text: 'Battambang ' },
      { font: 'symbol', text: 'e' },
      { font: 'latin', text: ' = 0.5' },
    ])
  })
})
