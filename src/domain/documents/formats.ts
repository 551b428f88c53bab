import type { MrzFieldName } from './issues.ts'

export const MRZ_FORMATS = ['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB'] as const
export type MrzFormat = (typeof MRZ_FORMATS)[number]

/** A run of characters on one line: `line` and `start` are 0-based, `end` is exclusive (as `String.slice`). */
export interface MrzSpan {
  line: number
  start: number
  end: number
}

/** Where each field of a format sits (ICAO 9303 Parts 4–7, converted from 1-based positions). */
export interface FormatLayout {
  format: MrzFormat
  lineCount: number
  lineLength: number
  documentCode: MrzSpan
  issuingState: MrzSpan
  name: MrzSpan
  documentNumber: MrzSpan
  documentNumberCheck: MrzSpan
  nationality: MrzSpan
  birthDate: MrzSpan
  birthDateCheck: MrzSpan
  sex: MrzSpan
  expiryDate: MrzSpan
  expiryDateCheck: MrzSpan
  /** TD3 only: the personal number and its own check digit. */
  personalNumber?: MrzSpan
  personalNumberCheck?: MrzSpan
  optionalData?: MrzSpan
  optionalData2?: MrzSpan
  /** Ranges covered by the composite check digit, absent on visas (Part 7 defines none). */
  composite?: { ranges: MrzSpan[]; check: MrzSpan }
  /** TD1 and TD2 let a document number longer than 9 characters overflow into the optional data. */
  overflow: boolean
}

const at = (line: number, start: number, end = start + 1): MrzSpan => ({ line, start, end })

/** The second line of TD2, TD3 and both visas shares its first 28 positions. */
function line2Common(line: number) {
  return {
    documentNumber: at(line, 0, 9),
    documentNumberCheck: at(line, 9),
    nationality: at(line, 10, 13),
    birthDate: at(line, 13, 19),
    birthDateCheck: at(line, 19),
    sex: at(line, 20),
    expiryDate: at(line, 21, 27),
    expiryDateCheck: at(line, 27),
  }
}

export const LAYOUTS: Record<MrzFormat, FormatLayout> = {
  TD1: {
    format: 'TD1',
    lineCount: 3,
    lineLength: 30,
    documentCode: at(0, 0, 2),
    issuingState: at(0, 2, 5),
    documentNumber: at(0, 5, 14),
    documentNumberCheck: at(0, 14),
    optionalData: at(0, 15, 30),
    birthDate: at(1, 0, 6),
    birthDateCheck: at(1, 6),
    sex: at(1, 7),
    expiryDate: at(1, 8, 14),
    expiryDateCheck: at(1, 14),
    nationality: at(1, 15, 18),
    optionalData2: at(1, 18, 29),
    composite: { ranges: [at(0, 5, 30), at(1, 0, 7), at(1, 8, 15), at(1, 18, 29)], check: at(1, 29) },
    name: at(2, 0, 30),
    overflow: true,
  },
  TD2: {
    format: 'TD2',
    lineCount: 2,
    lineLength: 36,
    documentCode: at(0, 0, 2),
    issuingState: at(0, 2, 5),
    name: at(0, 5, 36),
    ...line2Common(1),
    optionalData: at(1, 28, 35),
    composite: { ranges: [at(1, 0, 10), at(1, 13, 20), at(1, 21, 35)], check: at(1, 35) },
    overflow: true,
  },
  TD3: {
    format: 'TD3',
    lineCount: 2,
    lineLength: 44,
    documentCode: at(0, 0, 2),
    issuingState: at(0, 2, 5),
    name: at(0, 5, 44),
    ...line2Common(1),
    personalNumber: at(1, 28, 42),
    personalNumberCheck: at(1, 42),
    composite: { ranges: [at(1, 0, 10), at(1, 13, 20), at(1, 21, 43)], check: at(1, 43) },
    overflow: false,
  },
  MRVA: {
    format: 'MRVA',
    lineCount: 2,
    lineLength: 44,
    documentCode: at(0, 0, 2),
    issuingState: at(0, 2, 5),
    name: at(0, 5, 44),
    ...line2Common(1),
    optionalData: at(1, 28, 44),
    overflow: false,
  },
  MRVB: {
    format: 'MRVB',
    lineCount: 2,
    lineLength: 36,
    documentCode: at(0, 0, 2),
    issuingState: at(0, 2, 5),
    name: at(0, 5, 36),
    ...line2Common(1),
    optionalData: at(1, 28, 36),
    overflow: false,
  },
}

type SpannedField = Exclude<MrzFieldName, 'input'>

function fieldSpans(layout: FormatLayout): Readonly<Partial<Record<SpannedField, readonly MrzSpan[]>>> {
  const out: Partial<Record<SpannedField, readonly MrzSpan[]>> = {}
  const fields = [
    'documentCode',
    'issuingState',
    'name',
    'documentNumber',
    'nationality',
    'birthDate',
    'sex',
    'expiryDate',
    'personalNumber',
    'optionalData',
    'optionalData2',
  ] as const
  for (const field of fields) {
    const span = layout[field]
    if (span) out[field] = Object.freeze([Object.freeze({ ...span })])
  }
  if (layout.composite) out.composite = Object.freeze([Object.freeze({ ...layout.composite.check })])
  return Object.freeze(out)
}

/**
 * Where each field is read, shared by every result of a format (frozen: a result only replaces the entries
 * an overflowing document number moves).
 */
export const FIELD_SPANS: Record<MrzFormat, Readonly<Partial<Record<SpannedField, readonly MrzSpan[]>>>> = {
  TD1: fieldSpans(LAYOUTS.TD1),
  TD2: fieldSpans(LAYOUTS.TD2),
  TD3: fieldSpans(LAYOUTS.TD3),
  MRVA: fieldSpans(LAYOUTS.MRVA),
  MRVB: fieldSpans(LAYOUTS.MRVB),
}

/**
 * The format from the shape (line count × length) and, for the two shapes shared by a visa, the document
 * code: a visa's first character is `V` (Part 7), anything else in that shape is a TD2 card or TD3 passport.
 * Returns null when the shape matches no format.
 */
export function detectFormat(lines: readonly string[]): MrzFormat | null {
  const first = lines[0]
  if (first === undefined) return null
  const length = first.length
  for (const line of lines) if (line.length !== length) return null
  const isVisa = first.charCodeAt(0) === 86 /* V */
  if (lines.length === 3 && length === 30) return 'TD1'
  if (lines.length === 2 && length === 36) return isVisa ? 'MRVB' : 'TD2'
  if (lines.length === 2 && length === 44) return isVisa ? 'MRVA' : 'TD3'
  return null
}

/**
 * The format whose shape is nearest to what was read, to say which line length or count was expected: a format
 * whose line length every line has (a TD1 card missing a line), else the nearest length for that many lines.
 */
export function nearestLayout(lines: readonly string[]): FormatLayout {
  const exact = Object.values(LAYOUTS).find((l) => lines.every((line) => line.length === l.lineLength))
  if (exact) return exact
  const candidates = lines.length >= 3 ? [LAYOUTS.TD1] : [LAYOUTS.TD2, LAYOUTS.TD3]
  const longest = Math.max(0, ...lines.map((l) => l.length))
  return candidates.reduce((best, layout) =>
    Math.abs(layout.lineLength - longest) < Math.abs(best.lineLength - longest) ? layout : best,
  )
}
