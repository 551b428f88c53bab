import { checkDigit, digitAt } from './check-digit.ts'
import type { FormatLayout, MrzSpan } from './formats.ts'

/**
 * Which input produced the check digit of an overflowing TD1/TD2 document number. Part 11 computes it over
 * the number alone (`filler_excluded`); some issuers include the `<` written at the check-digit position
 * (`filler_included`); for some numbers both give the same digit (`both`).
 */
export type OverflowConvention = 'filler_excluded' | 'filler_included' | 'both'

export interface DocumentNumberReading {
  value: string
  /** Where the number was read: the field, plus the overflow part in the optional data when there is one. */
  spans: MrzSpan[]
  /** The check digit position (in the optional data when the number overflows). */
  checkSpan: MrzSpan
  expected: number
  found: string
  valid: boolean
  overflow: null | { convention: OverflowConvention | null }
  /** Set when the check-digit position says "overflow" but the optional data holds no continuation. */
  overflowMissing: boolean
}

const FILLER = 60

function trimFillers(text: string, start: number, end: number): string {
  while (end > start && text.charCodeAt(end - 1) === FILLER) end--
  return text.slice(start, end)
}

export function readDocumentNumber(lines: readonly string[], layout: FormatLayout): DocumentNumberReading {
  const field = layout.documentNumber
  const check = layout.documentNumberCheck
  const line = lines[field.line]!
  const head = trimFillers(line, field.start, field.end)
  const optional = layout.optionalData
  const checkChar = line[check.start]!
  if (layout.overflow && optional && checkChar === '<' && head.length === field.end - field.start) {
    return readOverflow(lines, layout, head, optional)
  }
  const expected = checkDigit(line, field.start, field.end)
  return {
    value: head,
    spans: [field],
    checkSpan: check,
    expected,
    found: checkChar,
    valid: expected >= 0 && digitAt(line, check.start) === expected,
    overflow: null,
    overflowMissing: false,
  }
}

function readOverflow(
  lines: readonly string[],
  layout: FormatLayout,
  head: string,
  optional: MrzSpan,
): DocumentNumberReading {
  const line = lines[optional.line]!
  let end = optional.start
  while (end < optional.end && line.charCodeAt(end) !== FILLER) end++
  const field = layout.documentNumber
  if (end - optional.start < 2) {
    // One character at most: there is no continuation followed by its check digit.
    return {
      value: head,
      spans: [field],
      checkSpan: layout.documentNumberCheck,
      expected: checkDigit(head),
      found: '<',
      valid: false,
      overflow: { convention: null },
      overflowMissing: true,
    }
  }
  const rest = line.slice(optional.start, end - 1)
  const value = head + rest
  const found = line[end - 1]!
  const digit = digitAt(line, end - 1)
  const excluded = checkDigit(value)
  const included = checkDigit(`${head}<${rest}`)
  const matchExcluded = excluded >= 0 && digit === excluded
  const matchIncluded = included >= 0 && digit === included
  const convention: OverflowConvention | null =
    matchExcluded && matchIncluded
      ? 'both'
      : matchExcluded
        ? 'filler_excluded'
        : matchIncluded
          ? 'filler_included'
          : null
  return {
    value,
    spans: [field, { line: optional.line, start: optional.start, end: end - 1 }],
    checkSpan: { line: optional.line, start: end - 1, end },
    expected: excluded,
    found,
    valid: convention !== null,
    overflow: { convention },
    overflowMissing: false,
  }
}
