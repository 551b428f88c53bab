import { type FormatLayout, type MrzSpan, nearestLayout } from './formats.ts'
import { issue, type MrzFieldName, type MrzIssue } from './issues.ts'

/** Errors for lines that match no format: how many lines were expected, or which line has the wrong length. */
export function shapeErrors(lines: readonly string[]): MrzIssue[] {
  if (lines.length < 2 || lines.length > 3) {
    return [issue('documents.mrz.line_count', 'input', null, { count: lines.length })]
  }
  const layout = nearestLayout(lines)
  const out: MrzIssue[] = []
  if (lines.length !== layout.lineCount) {
    out.push(issue('documents.mrz.line_count', 'input', null, { count: lines.length }))
  }
  lines.forEach((line, n) => {
    if (line.length === layout.lineLength) return
    const span = { line: n, start: 0, end: line.length }
    out.push(
      issue('documents.mrz.line_length', 'input', span, { length: line.length, expected: layout.lineLength }),
    )
  })
  return out
}

const SPANNED_FIELDS = [
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
] as const satisfies readonly MrzFieldName[]

const inside = (span: MrzSpan | undefined, line: number, index: number) =>
  span !== undefined && span.line === line && index >= span.start && index < span.end

/** The field a position belongs to (a check digit belongs to the field it checks). */
export function fieldAt(layout: FormatLayout, line: number, index: number): MrzFieldName {
  for (const field of SPANNED_FIELDS) if (inside(layout[field], line, index)) return field
  if (inside(layout.documentNumberCheck, line, index)) return 'documentNumber'
  if (inside(layout.birthDateCheck, line, index)) return 'birthDate'
  if (inside(layout.expiryDateCheck, line, index)) return 'expiryDate'
  if (inside(layout.personalNumberCheck, line, index)) return 'personalNumber'
  if (inside(layout.composite?.check, line, index)) return 'composite'
  return 'input'
}
