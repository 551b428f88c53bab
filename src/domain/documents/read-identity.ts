import {
  formatIsoDate,
  isCalendarDate,
  type MrzDate,
  ordinal,
  type RawDate,
  readRawDate,
  resolveBirthDate,
  resolveExpiryDate,
} from './dates.ts'
import type { MrzSpan } from './formats.ts'
import { issue } from './issues.ts'
import { readStateCode } from './issuing-states.ts'
import { readName } from './names.ts'
import { type ReadContext, text, trimmed } from './read-context.ts'
import type { Sex } from './result.ts'

const FILLER = 60

function isLetterOrFiller(c: number): boolean {
  return (c >= 65 && c <= 90) || c === FILLER
}

/** Document code (checked against the format), issuing state and nationality. */
export function readHeader(ctx: ReadContext): void {
  const { layout, result } = ctx
  const code = text(ctx, layout.documentCode)
  const first = code.charCodeAt(0)
  const second = code.charCodeAt(1)
  let ok = isLetterOrFiller(second)
  if (layout.format === 'TD3') ok &&= first === 80 /* P */
  else if (layout.format === 'MRVA' || layout.format === 'MRVB') ok &&= first === 86 /* V */
  // TD1/TD2: A, C or I; a second character V would make it read as a visa (Doc 9303 Part 5).
  else ok &&= (first === 65 || first === 67 || first === 73) && second !== 86
  if (!ok)
    result.errors.push(
      issue('documents.mrz.document_code', 'documentCode', layout.documentCode, { value: code }),
    )
  result.fields.documentCode = trimmed(ctx, layout.documentCode)
  readState(ctx, 'issuingState', layout.issuingState)
  readState(ctx, 'nationality', layout.nationality)
}

/** A state code: ISO 3166-1, an ICAO special code, a withdrawn one, or the specimen state in training mode. */
function readState(ctx: ReadContext, field: 'issuingState' | 'nationality', span: MrzSpan): void {
  const { result } = ctx
  const state = readStateCode(text(ctx, span))
  result.fields[field] = state.code
  result.fields[field === 'issuingState' ? 'issuingStateRaw' : 'nationalityRaw'] = state.raw
  if (state.kind === 'specimen') {
    result.specimen = true
    if (!ctx.allowSpecimen)
      result.errors.push(issue('documents.mrz.specimen_state', field, span, { value: state.raw }))
  } else if (state.kind === 'unknown') {
    result.errors.push(issue('documents.mrz.state_code', field, span, { value: text(ctx, span) }))
  } else if (state.kind === 'deprecated') {
    result.warnings.push(issue('documents.mrz.deprecated_state', field, span, { value: state.raw }))
  }
}

/** Name, birth and expiry dates (centuries resolved against the reference date) and sex. */
export function readPerson(ctx: ReadContext): void {
  const { layout, result, lines } = ctx
  const nameSpan = layout.name
  const name = readName(lines[nameSpan.line]!, nameSpan.start, nameSpan.end)
  result.fields.surname = name.surname
  result.fields.givenNames = name.givenNames
  if (name.invalidCharacters) result.errors.push(issue('documents.mrz.name_characters', 'name', nameSpan))
  else if (!name.surname && !name.givenNames)
    result.errors.push(issue('documents.mrz.name_empty', 'name', nameSpan))
  if (name.truncated) result.warnings.push(issue('documents.mrz.name_truncated', 'name', nameSpan))

  const birth = readDate(ctx, 'birthDate', layout.birthDate, resolveBirthDate)
  const expiry = readDate(ctx, 'expiryDate', layout.expiryDate, resolveExpiryDate)
  if (birth && expiry && ordinal(expiry, 'last') < ordinal(birth, 'first')) {
    result.warnings.push(issue('documents.mrz.expiry_before_birth', 'expiryDate', layout.expiryDate))
  }

  const sexChar = lines[layout.sex.line]![layout.sex.start]!
  let sex: Sex | null = null
  if (sexChar === 'M' || sexChar === 'F') sex = sexChar
  else if (sexChar === '<') sex = 'X'
  else if (sexChar === 'X') {
    sex = 'X'
    result.warnings.push(issue('documents.mrz.sex_nonstandard', 'sex', layout.sex, { value: sexChar }))
  } else result.errors.push(issue('documents.mrz.sex', 'sex', layout.sex, { value: sexChar }))
  result.fields.sex = sex
}

function readDate(
  ctx: ReadContext,
  field: 'birthDate' | 'expiryDate',
  span: MrzSpan,
  resolve: (raw: RawDate, reference: MrzDate) => MrzDate,
): MrzDate | null {
  const { result } = ctx
  const raw = readRawDate(ctx.lines[span.line]!, span.start)
  if (typeof raw === 'string') {
    result.errors.push(issue(`documents.mrz.${raw}`, field, span, { value: text(ctx, span) }))
    return null
  }
  const date = resolve(raw, ctx.reference)
  if (!isCalendarDate(date)) {
    result.errors.push(issue('documents.mrz.date_invalid', field, span, { value: text(ctx, span) }))
    return null
  }
  result.fields[field] = formatIsoDate(date)
  return date
}
