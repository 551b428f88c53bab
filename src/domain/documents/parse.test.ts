import { describe, expect, it } from 'vitest'
import { ICAO_SPECIMENS } from './specimens.ts'
import { codes, linesFor, parse, withChar } from './test-factories.ts'

describe('parsing the ICAO specimens', () => {
  it.each(ICAO_SPECIMENS.map((s) => [s.id, s] as const))('reads %s in specimen mode', (_, specimen) => {
    const result = parse(specimen.lines, { allowSpecimen: true })
    expect(result.errors).toEqual([])
    expect(result).toMatchObject({ format: specimen.format, valid: true, specimen: true })
  })

  it('rejects the specimen state outside specimen mode, on both state fields', () => {
    const result = parse(ICAO_SPECIMENS[0]!.lines)
    expect(result.valid).toBe(false)
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([
      ['documents.mrz.specimen_state', 'issuingState'],
      ['documents.mrz.specimen_state', 'nationality'],
    ])
  })

  it('returns every field of the TD3 specimen', () => {
    const result = parse(ICAO_SPECIMENS[0]!.lines, { allowSpecimen: true })
    expect(result.fields).toEqual({
      documentCode: 'P',
      issuingState: 'UTO',
      issuingStateRaw: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      nationalityRaw: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      personalNumber: 'ZE184226B',
    })
    expect(result.checks).toEqual({
      documentNumber: true,
      birthDate: true,
      expiryDate: true,
      personalNumber: true,
      composite: true,
    })
  })

  it('reads the long document number of the Part 11 example and says both conventions match', () => {
    const result = parse(ICAO_SPECIMENS.find((s) => s.id === 'td1-stevenson-long-number')!.lines, {
      allowSpecimen: true,
    })
    expect(result.fields.documentNumber).toBe('D23145890734')
    expect(result.checks.documentNumberOverflow).toBe('both')
    expect(result.spans.documentNumber).toEqual([
      { line: 0, start: 5, end: 14 },
      { line: 0, start: 15, end: 18 },
    ])
  })

  it('gives visas no composite check digit', () => {
    const result = parse(ICAO_SPECIMENS.find((s) => s.format === 'MRVA')!.lines, { allowSpecimen: true })
    expect(result.checks.composite).toBeUndefined()
    expect(result.fields.optionalData).toBe('6ZE184226B')
  })
})

describe('check digits', () => {
  it('rejects a TD3 whose composite check digit is wrong, pointing at its position', () => {
    const lines = linesFor('TD3')
    const wrong = withChar(lines, 1, 43, lines[1]![43] === '0' ? '1' : '0')
    const result = parse(wrong)
    expect(result.checks.composite).toBe(false)
    expect(result.errors).toEqual([
      {
        code: 'documents.mrz.check_digit',
        field: 'composite',
        line: 1,
        start: 43,
        end: 44,
        params: { expected: Number(lines[1]![43]), found: wrong[1]![43] },
      },
    ])
  })

  it.each([
    ['documentNumber', 9],
    ['birthDate', 19],
    ['expiryDate', 27],
  ] as const)('reports a wrong %s check digit on that field', (field, index) => {
    const lines = linesFor('TD2')
    const result = parse(withChar(lines, 1, index, lines[1]![index] === '9' ? '8' : '9'))
    expect(result.checks[field]).toBe(false)
    expect(result.errors[0]).toMatchObject({
      code: 'documents.mrz.check_digit',
      field,
      line: 1,
      start: index,
    })
  })

  it('accepts < or 0 as the check digit of an empty TD3 personal number, nothing else', () => {
    expect(parse(linesFor('TD3', { emptyPersonalNumberCheck: '<' })).valid).toBe(true)
    expect(parse(linesFor('TD3', { emptyPersonalNumberCheck: '0' })).valid).toBe(true)
    const lines = linesFor('TD3')
    expect(parse(withChar(lines, 1, 42, '7')).checks.personalNumber).toBe(false)
  })

  it('checks a filled TD3 personal number', () => {
    const lines = linesFor('TD3', { personalNumber: 'KH12345' })
    expect(parse(lines).fields.personalNumber).toBe('KH12345')
    expect(codes(parse(withChar(lines, 1, 30, '9')))).toContain('documents.mrz.check_digit')
  })

  it.each([
    ['filler_excluded', 'TD1'],
    ['filler_included', 'TD1'],
    ['filler_excluded', 'TD2'],
    ['filler_included', 'TD2'],
  ] as const)(
    'accepts an overflowing document number computed %s on a %s and reports it',
    (convention, format) => {
      // Which number gives different digits under the two conventions depends on its characters; try a few.
      const numbers = ['AB1234567891', 'ZX9876543210', 'KH00112233']
      const results = numbers.map((n) =>
        parse(linesFor(format, { documentNumber: n, overflowConvention: convention })),
      )
      for (const r of results) expect(r.valid).toBe(true)
      expect(results.map((r) => r.checks.documentNumberOverflow)).toContain(convention)
    },
  )

  it('rejects an overflow marker with no continuation in the optional data', () => {
    const lines = linesFor('TD1', { documentNumber: 'AB1234567' })
    const marked = withChar(lines, 0, 14, '<')
    expect(codes(parse(marked))).toContain('documents.mrz.document_number_overflow')
  })
})

describe('fields', () => {
  it('returns sex < as X and accepts a written X with a warning', () => {
    expect(parse(linesFor('TD3', { sex: 'X' })).fields.sex).toBe('X')
    const written = parse(withChar(linesFor('TD3'), 1, 20, 'X'))
    expect(written.fields.sex).toBe('X')
    expect(written.warnings.map((w) => w.code)).toEqual(['documents.mrz.sex_nonstandard'])
  })

  it('rejects a sex that is not M, F or <', () => {
    const result = parse(withChar(linesFor('TD3'), 1, 20, 'Q'))
    expect(result.fields.sex).toBeNull()
    expect(codes(result)).toContain('documents.mrz.sex')
  })

  it('normalises D<< to DEU and keeps the raw code', () => {
    const result = parse(linesFor('TD1', { issuingState: 'D', nationality: 'D' }))
    expect(result.fields).toMatchObject({ issuingState: 'DEU', issuingStateRaw: 'D', nationality: 'DEU' })
    expect(result.valid).toBe(true)
  })

  it('rejects an unknown state code', () => {
    expect(codes(parse(linesFor('TD3', { nationality: 'ZZZ' })))).toEqual(['documents.mrz.state_code'])
  })

  it('rejects a 31 April birth date that has a correct check digit', () => {
    const lines = linesFor('TD3', { birthDate: '1990-04-30' })
    // 900430 → 900431: the last date position has weight 1, so the check digit goes up by one.
    const bad = withChar(withChar(lines, 1, 18, '1'), 1, 19, String((Number(lines[1]![19]) + 1) % 10))
    const reparsed = parse(bad)
    expect(reparsed.checks.birthDate).toBe(true)
    expect(reparsed.fields.birthDate).toBeNull()
    expect(reparsed.errors.find((e) => e.field === 'birthDate')?.code).toBe('documents.mrz.date_invalid')
  })

  it.each([
    ['TD1', 'P'],
    ['TD3', 'I'],
    ['TD2', 'P'],
  ] as const)('rejects a %s with the document code %s', (format, code) => {
    const lines = linesFor(format)
    expect(codes(parse(withChar(lines, 0, 0, code)))).toContain('documents.mrz.document_code')
  })

  it('rejects a card whose second code character is V (it would read as a visa)', () => {
    expect(codes(parse(linesFor('TD2', { documentCode: 'IV' })))).toEqual(['documents.mrz.document_code'])
  })

  it('warns about a possibly truncated name without invalidating the document', () => {
    const result = parse(linesFor('TD1', { surname: 'Nilavadhanananda', givenNames: 'Chayapa Dejthamrong' }))
    expect(result.valid).toBe(true)
    expect(result.warnings.map((w) => w.code)).toEqual(['documents.mrz.name_truncated'])
  })

  it('rejects a digit in the name', () => {
    expect(codes(parse(withChar(linesFor('TD3'), 0, 6, '0')))).toContain('documents.mrz.name_characters')
  })
})
