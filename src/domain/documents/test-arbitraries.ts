// Test support only (imports fast-check, a devDependency): random documents of every format that the
// generator can write and the parser must read back unchanged. Shared by the tests and the benchmark.
import fc from 'fast-check'
import { daysInMonth, formatIsoDate, type MrzDate, parseIsoDay } from './dates.ts'
import { LAYOUTS, MRZ_FORMATS, type MrzFormat } from './formats.ts'
import type { MrzDocument } from './generate.ts'
import { ISO_3166_ALPHA3 } from './iso3166-alpha3.ts'
import { ICAO_SPECIAL_CODES } from './issuing-states.ts'

export const REFERENCE_DATE = '2026-05-20'
const reference = parseIsoDay(REFERENCE_DATE)!

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ALNUM = `${LETTERS}0123456789`

const word = (chars: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max })

/** Words joined by single fillers, within `max` characters (the form optional data takes). */
const optionalText = (max: number) =>
  max <= 0
    ? fc.constant('')
    : fc.array(word(ALNUM, 1, 6), { maxLength: 3 }).map((ws) => {
        let out = ws.join('<').slice(0, max)
        while (out.endsWith('<')) out = out.slice(0, -1)
        return out
      })

export const stateCode = fc.constantFrom(...ISO_3166_ALPHA3, ...Object.keys(ICAO_SPECIAL_CODES))

const documentCode = (format: MrzFormat) => {
  const second = fc.constantFrom('', ...LETTERS)
  if (format === 'TD3') return second.map((s) => `P${s}`)
  if (format === 'MRVA' || format === 'MRVB') return second.map((s) => `V${s}`)
  return fc
    .tuple(
      fc.constantFrom('I', 'A', 'C'),
      second.filter((s) => s !== 'V'),
    )
    .map(([a, b]) => a + b)
}

/** Birth dates less than 100 years before the reference date, sometimes with unknown day or month. */
const birthDate = fc
  .tuple(fc.integer({ min: 0, max: 36_000 }), fc.constantFrom('full', 'full', 'full', 'month', 'year'))
  .map(([back, precision]) => {
    const d = new Date(Date.UTC(reference.year, reference.month! - 1, reference.day! - back))
    const date: MrzDate = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
    if (precision !== 'full') date.day = null
    if (precision === 'year') date.month = null
    return formatIsoDate(date)
  })

/** Expiry dates inside the window the parser resolves (49 years back to 50 years ahead). */
const expiryDate = fc
  .record({
    year: fc.integer({ min: reference.year - 49, max: reference.year + 50 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }))

/** Surname and given names that fit the name field without truncation. */
const names = (length: number) =>
  fc
    .record({
      surname: fc.array(word(LETTERS, 1, 12), { maxLength: 3 }),
      given: fc.array(word(LETTERS, 1, 10), { maxLength: 3 }),
    })
    .filter(({ surname, given }) => surname.length + given.length > 0)
    .map(({ surname, given }) => {
      while (surname.join('<').length + (given.length ? 2 + given.join('<').length : 0) > length) {
        if (given.length) given.pop()
        else surname.pop()
      }
      return { surname: surname.join(' '), givenNames: given.join(' ') }
    })
    .filter(({ surname, givenNames }) => surname !== '' || givenNames !== '')

export function documentOf(format: MrzFormat): fc.Arbitrary<MrzDocument> {
  const layout = LAYOUTS[format]
  const optionalWidth = layout.optionalData ? layout.optionalData.end - layout.optionalData.start : 0
  // TD1/TD2 numbers may overflow into the optional data: what overflows plus its check digit must fit there.
  const maxNumber = layout.overflow ? 9 + optionalWidth - 1 : 9
  return fc
    .record({
      documentCode: documentCode(format),
      issuingState: stateCode,
      nationality: stateCode,
      documentNumber: word(ALNUM, 1, maxNumber),
      name: names(layout.name.end - layout.name.start),
      birthDate,
      expiryDate,
      sex: fc.constantFrom('M', 'F', 'X') as fc.Arbitrary<'M' | 'F' | 'X'>,
      personalNumber: optionalText(14),
      optional: optionalText(optionalWidth),
      optionalData2: optionalText(11),
      overflowConvention: fc.constantFrom('filler_excluded', 'filler_included') as fc.Arbitrary<
        'filler_excluded' | 'filler_included'
      >,
      emptyPersonalNumberCheck: fc.constantFrom('<', '0') as fc.Arbitrary<'<' | '0'>,
    })
    .map((r) => {
      const overflow = Math.max(0, r.documentNumber.length - 9)
      // After an overflow, the optional data keeps what is left past the check digit and one filler.
      const room = overflow > 0 ? optionalWidth - overflow - 2 : optionalWidth
      let optionalData = room > 0 ? r.optional.slice(0, room) : ''
      while (optionalData.endsWith('<')) optionalData = optionalData.slice(0, -1)
      const doc: MrzDocument = {
        format,
        documentCode: r.documentCode,
        issuingState: r.issuingState,
        nationality: r.nationality,
        documentNumber: r.documentNumber,
        surname: r.name.surname,
        givenNames: r.name.givenNames,
        birthDate: r.birthDate,
        sex: r.sex,
        expiryDate: r.expiryDate,
        overflowConvention: r.overflowConvention,
      }
      if (format === 'TD3') {
        doc.personalNumber = r.personalNumber
        doc.emptyPersonalNumberCheck = r.emptyPersonalNumberCheck
      } else doc.optionalData = optionalData
      if (format === 'TD1') doc.optionalData2 = r.optionalData2
      return doc
    })
}

export const anyDocument = fc.constantFrom(...MRZ_FORMATS).chain(documentOf)
