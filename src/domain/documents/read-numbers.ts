import { addRange, checkDigit, checkSumDigit, digitAt, newCheckSum } from './check-digit.ts'
import { readDocumentNumber } from './document-number.ts'
import type { MrzSpan } from './formats.ts'
import { issue, type MrzFieldName } from './issues.ts'
import { type ReadContext, trimmed } from './read-context.ts'

/** Records the check and, when it fails, an error at the check-digit position. */
function verify(ctx: ReadContext, field: MrzFieldName, expected: number, check: MrzSpan): boolean {
  const line = ctx.lines[check.line]!
  const ok = expected >= 0 && digitAt(line, check.start) === expected
  if (!ok) {
    const params = { expected: expected >= 0 ? expected : '?', found: line[check.start]! }
    ctx.result.errors.push(issue('documents.mrz.check_digit', field, check, params))
  }
  return ok
}

/** Document number (with any overflow), every check digit, and the composite check digit. */
export function readNumbers(ctx: ReadContext): void {
  const { layout, result, lines } = ctx
  const number = readDocumentNumber(lines, layout)
  result.fields.documentNumber = number.value
  if (number.spans.length > 1) result.spans = { ...result.spans, documentNumber: number.spans }
  if (number.value === '') {
    result.errors.push(issue('documents.mrz.document_number_empty', 'documentNumber', layout.documentNumber))
  }
  if (number.overflow) result.checks.documentNumberOverflow = number.overflow.convention
  if (number.overflowMissing) {
    const span = layout.optionalData ?? layout.documentNumberCheck
    result.errors.push(issue('documents.mrz.document_number_overflow', 'documentNumber', span))
    result.checks.documentNumber = false
  } else {
    result.checks.documentNumber = number.valid
    if (!number.valid) {
      const params = { expected: number.expected >= 0 ? number.expected : '?', found: number.found }
      result.errors.push(issue('documents.mrz.check_digit', 'documentNumber', number.checkSpan, params))
    }
  }
  const { birthDate, birthDateCheck, expiryDate, expiryDateCheck, personalNumber, personalNumberCheck } =
    layout
  result.checks.birthDate = verify(ctx, 'birthDate', checkOf(ctx, birthDate), birthDateCheck)
  result.checks.expiryDate = verify(ctx, 'expiryDate', checkOf(ctx, expiryDate), expiryDateCheck)
  if (personalNumber && personalNumberCheck) {
    const empty = trimmed(ctx, personalNumber) === ''
    const found = lines[personalNumberCheck.line]![personalNumberCheck.start]
    // An empty personal number may carry `<` or `0` as its check digit (Doc 9303 Part 4).
    result.checks.personalNumber =
      empty && (found === '<' || found === '0')
        ? true
        : verify(ctx, 'personalNumber', checkOf(ctx, personalNumber), personalNumberCheck)
  }
  if (layout.composite) {
    const sum = newCheckSum()
    for (const r of layout.composite.ranges) addRange(sum, lines[r.line]!, r.start, r.end)
    result.checks.composite = verify(ctx, 'composite', checkSumDigit(sum), layout.composite.check)
  }
}

function checkOf(ctx: ReadContext, span: MrzSpan): number {
  return checkDigit(ctx.lines[span.line]!, span.start, span.end)
}

/** The optional data fields and the TD3 personal number, trailing fillers removed. */
export function readOptional(ctx: ReadContext): void {
  const { layout, result } = ctx
  if (layout.personalNumber) {
    result.fields.personalNumber = trimmed(ctx, layout.personalNumber)
  }
  if (layout.optionalData) {
    const overflow = result.spans.documentNumber?.[1]
    // After an overflowing document number, the optional data starts past its check digit and one filler.
    const start = overflow ? Math.min(overflow.end + 2, layout.optionalData.end) : layout.optionalData.start
    const span = { ...layout.optionalData, start }
    result.fields.optionalData = trimmed(ctx, span)
    if (overflow) result.spans = { ...result.spans, optionalData: [span] }
  }
  if (layout.optionalData2) {
    result.fields.optionalData2 = trimmed(ctx, layout.optionalData2)
  }
}
