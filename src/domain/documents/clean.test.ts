import { describe, expect, it } from 'vitest'
import { ICAO_SPECIMENS } from './specimens.ts'
import { codes, parse } from './test-factories.ts'

const td3 = ICAO_SPECIMENS[0]!.lines
const specimen = { allowSpecimen: true }

describe('input as a reader types it', () => {
  it('reads CR/LF line ends, surrounding whitespace and reader control characters', () => {
    const typed = `\u0002  ${td3[0]}\r\n${td3[1]}  \u0003\r\n\r\n`
    const result = parse(typed, specimen)
    expect(result.valid).toBe(true)
    expect(result.lines).toEqual(td3)
  })

  it('reads a bare CR between lines and ignores blank lines', () => {
    expect(parse(`\n\n${td3[0]}\r\r${td3[1]}\n`, specimen).valid).toBe(true)
  })

  it('reads a reader that sends no line break at all', () => {
    expect(parse(td3.join(''), specimen).format).toBe('TD3')
  })

  it('upper-cases lowercase letters to show the fields, but reports them', () => {
    const result = parse(`${td3[0]!.toLowerCase()}\n${td3[1]}`, specimen)
    expect(result.fields.surname).toBe('ERIKSSON')
    expect(result.valid).toBe(false)
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'documents.mrz.lowercase', line: 0, start: 0, end: 25 }),
    ])
  })

  it('reports each non-ASCII or control character inside a line with its position', () => {
    const result = parse(
      `${td3[0]!.replace('ERIKSSON', 'ERIKSSÖN')}\n${td3[1]!.replace('ZE1', 'Z\u0007E')}`,
      specimen,
    )
    const invalid = result.errors.filter((e) => e.code === 'documents.mrz.invalid_character')
    expect(invalid.map((e) => [e.field, e.line, e.start, e.params.char])).toEqual([
      ['name', 0, 11, 'Ö'],
      ['personalNumber', 1, 29, 'U+0007'],
    ])
  })

  it('reports one character outside the Basic Multilingual Plane once', () => {
    const result = parse(`${td3[0]!.slice(0, 43)}😀\n${td3[1]}`, specimen)
    expect(result.errors.filter((e) => e.code === 'documents.mrz.invalid_character')).toHaveLength(1)
  })

  it.each(['', '   ', '\r\n\r\n', '\u0000\u0002'])('says an empty input %j is empty', (input) => {
    const result = parse(input)
    expect(result).toMatchObject({ format: null, valid: false })
    expect(codes(result)).toEqual(['documents.mrz.empty'])
  })

  it('names the line whose length is wrong and the length expected', () => {
    const result = parse([td3[0]!, td3[1]!.slice(0, 43)], specimen)
    expect(result.format).toBeNull()
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'documents.mrz.line_length',
        line: 1,
        params: { length: 43, expected: 44 },
      }),
    ])
  })

  it('says how many lines were read when there are too many', () => {
    expect(codes(parse([...td3, ...td3]))).toEqual(['documents.mrz.line_count'])
    expect(codes(parse('P<UTO'))).toEqual(['documents.mrz.line_count'])
  })

  it('says a TD1 card lacks a line rather than that its lines are too short', () => {
    const td1 = ICAO_SPECIMENS.find((s) => s.format === 'TD1')!.lines
    expect(parse(td1.slice(0, 2)).errors).toEqual([
      expect.objectContaining({ code: 'documents.mrz.line_count', params: { count: 2 } }),
    ])
  })

  it('refuses a 10 MB paste without scanning it', () => {
    const result = parse(`${td3.join('\n')}\n${'<'.repeat(10 * 1024 * 1024)}`)
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'documents.mrz.input_too_long', line: null, field: 'input' }),
    ])
  })

  it('stops listing invalid characters after a dozen', () => {
    const result = parse(['É'.repeat(44), 'É'.repeat(44)])
    expect(result.errors.filter((e) => e.code === 'documents.mrz.invalid_character')).toHaveLength(12)
  })
})
