import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MRZ_FORMATS } from './formats.ts'
import { generateMrz, type MrzDocument, MrzGenerationError } from './generate.ts'
import { ICAO_SPECIMENS } from './specimens.ts'
import { documentOf } from './test-arbitraries.ts'
import { documentFor, parse } from './test-factories.ts'

function expectedFields(doc: MrzDocument) {
  const state = (code: string) => (code === 'D' ? 'DEU' : code)
  const expected: Record<string, unknown> = {
    documentCode: doc.documentCode,
    issuingState: state(doc.issuingState),
    issuingStateRaw: doc.issuingState,
    documentNumber: doc.documentNumber,
    nationality: state(doc.nationality),
    nationalityRaw: doc.nationality,
    surname: doc.surname,
    givenNames: doc.givenNames,
    birthDate: doc.birthDate,
    sex: doc.sex,
    expiryDate: doc.expiryDate,
  }
  if (doc.format === 'TD3') expected.personalNumber = doc.personalNumber
  else expected.optionalData = doc.optionalData
  if (doc.format === 'TD1') expected.optionalData2 = doc.optionalData2
  return expected
}

describe('MRZ generation', () => {
  it.each(MRZ_FORMATS)('writes random %s documents that parse back to the same fields', (format) => {
    fc.assert(
      fc.property(documentOf(format), (doc) => {
        const { lines } = generateMrz(doc)
        const result = parse(lines)
        expect(result.errors).toEqual([])
        expect(result.format).toBe(format)
        expect(result.fields).toEqual(expectedFields(doc))
      }),
      { numRuns: 500 },
    )
  })

  it('writes the ICAO TD3 specimen exactly', () => {
    const { lines } = generateMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      surname: 'Eriksson',
      givenNames: 'Anna María',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      personalNumber: 'ZE184226B',
    })
    expect(lines).toEqual(ICAO_SPECIMENS[0]!.lines)
  })

  it('writes the ICAO MRV-B specimen exactly', () => {
    const { lines } = generateMrz({
      format: 'MRVB',
      documentCode: 'V',
      issuingState: 'UTO',
      documentNumber: 'L8988901C',
      nationality: 'XXX',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      birthDate: '1940-09-07',
      sex: 'F',
      expiryDate: '1996-12-10',
    })
    expect(lines).toEqual(ICAO_SPECIMENS.find((s) => s.format === 'MRVB')!.lines)
  })

  it('refuses a field it cannot write, naming the field', () => {
    expect(() => generateMrz(documentFor('TD3', { documentNumber: 'N0123456789' }))).toThrow(
      MrzGenerationError,
    )
    expect(() => generateMrz(documentFor('TD3', { birthDate: '1990-02-30' }))).toThrow(/birthDate/)
    expect(() => generateMrz(documentFor('TD3', { optionalData: 'X' }))).toThrow(/optionalData/)
  })

  it('reports a name it had to truncate', () => {
    const generated = generateMrz(
      documentFor('TD1', { surname: 'Nilavadhanananda', givenNames: 'Chayapa Dejthamrong' }),
    )
    expect(generated.nameTruncated).toBe(true)
  })
})
