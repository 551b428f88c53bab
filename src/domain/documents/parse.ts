import { cleanInput, MAX_INPUT_LENGTH } from './clean.ts'
import { type IsoDay, parseIsoDay } from './dates.ts'
import { detectFormat, FIELD_SPANS, LAYOUTS } from './formats.ts'
import { issue, type MrzIssue } from './issues.ts'
import type { ReadContext } from './read-context.ts'
import { readHeader, readPerson } from './read-identity.ts'
import { readNumbers, readOptional } from './read-numbers.ts'
import { emptyFields, type MrzResult } from './result.ts'
import { fieldAt, shapeErrors } from './shape.ts'

export interface ParseOptions {
  /** The day two-digit years are resolved against (today, or the crossing date), as `YYYY-MM-DD`. */
  referenceDate: IsoDay
  /** Training mode: accept the ICAO specimen state `UTO`. */
  allowSpecimen?: boolean
}

/**
 * Parses MRZ text as a reader types it, or its lines. Never throws on the text: everything wrong with it is in
 * `errors` (each with a stable code, the field and its position). Throws only on an invalid `referenceDate`.
 */
export function parseMrz(input: string | readonly string[], options: ParseOptions): MrzResult {
  const reference = parseIsoDay(options.referenceDate)
  if (!reference) throw new RangeError(`referenceDate must be YYYY-MM-DD, got ${options.referenceDate}`)
  const { lines, errors } = cleanInput(input)
  const result = unreadable(lines, errors)
  if (lines.length === 0) return result
  const format = detectFormat(lines)
  if (!format) {
    errors.push(...shapeErrors(lines))
    return result
  }
  result.format = format
  const layout = LAYOUTS[format]
  result.spans = FIELD_SPANS[format]
  for (const e of errors) {
    if (e.code === 'documents.mrz.invalid_character') e.field = fieldAt(layout, e.line!, e.start!)
  }
  const ctx: ReadContext = { lines, layout, reference, allowSpecimen: options.allowSpecimen === true, result }
  readHeader(ctx)
  readNumbers(ctx)
  readPerson(ctx)
  readOptional(ctx)
  if (errors.length > 1) errors.sort(byPosition)
  result.valid = errors.length === 0
  return result
}

function unreadable(lines: string[], errors: MrzIssue[]): MrzResult {
  const fields = emptyFields()
  return {
    format: null,
    valid: false,
    specimen: false,
    lines,
    fields,
    checks: {},
    spans: {},
    errors,
    warnings: [],
  }
}

/**
 * The result for input longer than `MAX_INPUT_LENGTH`, for a caller that counted the characters of a stream
 * without keeping them (the CLI reading a huge block).
 */
export function oversizedInputResult(length: number): MrzResult {
  const params = { max: MAX_INPUT_LENGTH, length }
  return unreadable([], [issue('documents.mrz.input_too_long', 'input', null, params)])
}

function byPosition(a: MrzIssue, b: MrzIssue): number {
  return (a.line ?? -1) - (b.line ?? -1) || (a.start ?? -1) - (b.start ?? -1)
}
