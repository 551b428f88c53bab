import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { type FontkitFont, fixKhmerShaping, REPORT_FONTS, scriptRuns } from './report-fonts.ts'

type Font = FontkitFont

/** The fontkit font pdfkit itself opens for the Khmer face, as the report uses it. */
function khmerFont(): Font {
  const doc = new PDFDocument()
  doc.registerFont('khmer', REPORT_FONTS.khmer)
  doc.font('khmer')
  return (doc as unknown as { _font: { font: Font } })._font.font
}

const codePointsOf = (font: Font, text: string) => font.layout(text).glyphs.flatMap((g) => g.codePoints)

describe('Khmer shaping in the report', () => {
  // Unpatched first: the prototype fix is shared by every font of the module once applied.
  it('needs the fix: fontkit crashes on ំ and adds a stray vowel after ើ', () => {
    const font = khmerFont()
    expect(() => font.layout('ភ្នំពេញ')).toThrow()
    font.layout('កើត')
    expect(codePointsOf(font, 'ស្រី')).toContain(0x17c1)
  })

  it('shapes words with ំ, split vowels and subscripts once fixed', () => {
    const font = khmerFont()
    fixKhmerShaping(font)
    const phnomPenh = font.layout('ភ្នំពេញ')
    // ំ is placed on its base by mark positioning, not left at the origin.
    const nikahit = phnomPenh.glyphs.findIndex((g) => g.codePoints.includes(0x17c6))
    expect(phnomPenh.positions[nikahit]?.yOffset ?? 0).not.toBe(0)
    font.layout('កើត')
    expect(codePointsOf(font, 'ស្រី')).toEqual([0x17d2, 0x179a, 0x179f, 0x17b8])
    // ែ is drawn before the consonant cluster it follows in memory; ្ម becomes one subscript glyph.
    expect(font.layout('ខ្មែរ').glyphs.map((g) => g.codePoints)).toEqual([
      [0x17c2],
      [0x1781],
      [0x17d2, 0x1798],
      [0x179a],
    ])
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
