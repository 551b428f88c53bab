import { addRange, checkDigit, checkSumDigit, newCheckSum } from './check-digit.ts'
import { parsePartialIsoDate, writeMrzDate } from './dates.ts'
import { LAYOUTS, type MrzFormat, type MrzSpan } from './formats.ts'
import { writeStateCode } from './issuing-states.ts'
import { writeName } from './names.ts'
import type { Sex } from './result.ts'

/** What a document says, as the parser returns it (dates `YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
export interface MrzDocument {
  format: MrzFormat
  /** `P`, `PO`, `I`, `ID`, `AC`, `V`… (padded with `<` to two characters). */
  documentCode: string
  /** `D` is written `D<<`; any other code as given. */
  issuingState: string
  documentNumber: string
  nationality: string
  surname: string
  givenNames: string
  birthDate: string
  sex: Sex
  expiryDate: string
  /** TD3 only. */
  personalNumber?: string
  /** TD1 line 1 (after any overflow), TD2, MRV-A, MRV-B. */
  optionalData?: string
  /** TD1 line 2. */
  optionalData2?: string
  /** How the check digit of a TD1/TD2 number longer than 9 characters is computed (Part 11: excluded). */
  overflowConvention?: 'filler_excluded' | 'filler_included'
  /** The check digit written for an empty TD3 personal number. */
  emptyPersonalNumberCheck?: '<' | '0'
}

export interface GeneratedMrz {
  lines: string[]
  nameTruncated: boolean
}

/** Thrown when a field cannot be written (wrong characters, too long, not a date): generation is for trusted input. */
export class MrzGenerationError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
  }
}

const MRZ_TEXT = /^[A-Z0-9<]*$/

export function generateMrz(doc: MrzDocument): GeneratedMrz {
  const layout = LAYOUTS[doc.format]
  const rows = Array.from({ length: layout.lineCount }, () => new Array<string>(layout.lineLength).fill('<'))
  const put = (field: string, span: MrzSpan, value: string) => {
    if (!MRZ_TEXT.test(value))
      throw new MrzGenerationError(field, `"${value}" has characters outside A–Z, 0–9, <`)
    if (value.length > span.end - span.start) throw new MrzGenerationError(field, `"${value}" is too long`)
    for (let i = 0; i < value.length; i++) rows[span.line]![span.start + i] = value[i]!
  }
  const date = (field: string, value: string) => {
    const parsed = parsePartialIsoDate(value)
    if (!parsed) throw new MrzGenerationError(field, `"${value}" is not a date`)
    return writeMrzDate(parsed)
  }
  put('documentCode', layout.documentCode, doc.documentCode.padEnd(2, '<'))
  put('issuingState', layout.issuingState, writeStateCode(doc.issuingState))
  put('nationality', layout.nationality, writeStateCode(doc.nationality))
  const name = writeName(doc.surname, doc.givenNames, layout.name.end - layout.name.start)
  put('name', layout.name, name.field)
  const birth = date('birthDate', doc.birthDate)
  put('birthDate', layout.birthDate, birth)
  put('birthDate', layout.birthDateCheck, String(checkDigit(birth)))
  const expiry = date('expiryDate', doc.expiryDate)
  put('expiryDate', layout.expiryDate, expiry)
  put('expiryDate', layout.expiryDateCheck, String(checkDigit(expiry)))
  put('sex', layout.sex, doc.sex === 'X' ? '<' : doc.sex)

  const number = doc.documentNumber
  const width = layout.documentNumber.end - layout.documentNumber.start
  let optional = doc.optionalData ?? ''
  if (number.length > width && layout.overflow) {
    const head = number.slice(0, width)
    const rest = number.slice(width)
    const included = doc.overflowConvention === 'filler_included'
    const digit = checkDigit(included ? `${head}<${rest}` : number)
    put('documentNumber', layout.documentNumber, head)
    optional = `${rest}${digit}${optional ? `<${optional}` : ''}`
  } else {
    put('documentNumber', layout.documentNumber, number)
    put('documentNumber', layout.documentNumberCheck, String(checkDigit(number.padEnd(width, '<'))))
  }
  if (layout.optionalData) put('optionalData', layout.optionalData, optional)
  else if (optional) throw new MrzGenerationError('optionalData', `${doc.format} has no optional data field`)
  if (layout.optionalData2) put('optionalData2', layout.optionalData2, doc.optionalData2 ?? '')
  if (layout.personalNumber && layout.personalNumberCheck) {
    const personal = doc.personalNumber ?? ''
    put('personalNumber', layout.personalNumber, personal)
    const padded = personal.padEnd(layout.personalNumber.end - layout.personalNumber.start, '<')
    const check = personal ? String(checkDigit(padded)) : (doc.emptyPersonalNumberCheck ?? '<')
    put('personalNumber', layout.personalNumberCheck, check)
  }
  const lines = rows.map((r) => r.join(''))
  if (layout.composite) {
    const sum = newCheckSum()
    for (const r of layout.composite.ranges) addRange(sum, lines[r.line]!, r.start, r.end)
    const check = layout.composite.check
    const line = lines[check.line]!
    lines[check.line] = line.slice(0, check.start) + String(checkSumDigit(sum)) + line.slice(check.end)
  }
  return { lines, nameTruncated: name.truncated }
}
