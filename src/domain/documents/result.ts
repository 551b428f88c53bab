import type { OverflowConvention } from './document-number.ts'
import type { MrzFormat, MrzSpan } from './formats.ts'
import type { MrzFieldName, MrzIssue } from './issues.ts'

export type Sex = 'M' | 'F' | 'X'

/**
 * The fields as read. A value is null only when it cannot be read at all (a date that is not a date, a sex
 * that is not M/F/<); otherwise it is returned even when invalid, so the officer sees what the document says
 * and the errors say what is wrong with it.
 */
export interface MrzFields {
  /** Fillers removed: `P<` → `P`, `PO` → `PO`. */
  documentCode: string | null
  /** Normalised: the German `D` becomes `DEU`. */
  issuingState: string | null
  /** As written, fillers removed. */
  issuingStateRaw: string | null
  documentNumber: string | null
  nationality: string | null
  nationalityRaw: string | null
  /** Single-spaced, no fillers; empty when the MRZ has no primary identifier. */
  surname: string | null
  givenNames: string | null
  /** `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the MRZ says the day / month is unknown (`<<`). */
  birthDate: string | null
  /** `<` (unspecified) is returned as `X`. */
  sex: Sex | null
  expiryDate: string | null
  /** TD3 only. */
  personalNumber?: string | null
  /** TD1 line 1 (after any document-number overflow), TD2, MRV-A, MRV-B. */
  optionalData?: string | null
  /** TD1 line 2. */
  optionalData2?: string | null
}

/** Each check digit: true when it matches. Absent when the format has no such check digit. */
export interface MrzChecks {
  documentNumber?: boolean
  birthDate?: boolean
  expiryDate?: boolean
  personalNumber?: boolean
  composite?: boolean
  /** Only for an overflowing TD1/TD2 document number: which issuer convention matched (null: neither). */
  documentNumberOverflow?: OverflowConvention | null
}

export interface MrzResult {
  format: MrzFormat | null
  /** No errors. Warnings (a possibly truncated name, a deprecated code) do not make a document invalid. */
  valid: boolean
  /** The issuing state or nationality is the ICAO specimen state `UTO` (only accepted in specimen mode). */
  specimen: boolean
  /** The cleaned lines every position in errors, warnings and spans refers to. */
  lines: string[]
  fields: MrzFields
  checks: MrzChecks
  /** Where each field was read, for highlighting (the document number may have an overflow part). */
  spans: Readonly<Partial<Record<MrzFieldName, readonly MrzSpan[]>>>
  errors: MrzIssue[]
  warnings: MrzIssue[]
}

export function emptyFields(): MrzFields {
  return {
    documentCode: null,
    issuingState: null,
    issuingStateRaw: null,
    documentNumber: null,
    nationality: null,
    nationalityRaw: null,
    surname: null,
    givenNames: null,
    birthDate: null,
    sex: null,
    expiryDate: null,
  }
}
