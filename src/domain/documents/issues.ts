import type { MrzSpan } from './formats.ts'

/**
 * Every problem the engine can report. The code is also the message key in `src/locales/<locale>/documents.json`
 * (`documents.mrz.check_digit` → `{ "mrz": { "check_digit": … } }`), so the domain never holds a sentence.
 */
export const MRZ_ISSUE_CODES = [
  'documents.mrz.empty',
  'documents.mrz.input_too_long',
  'documents.mrz.line_count',
  'documents.mrz.line_length',
  'documents.mrz.invalid_character',
  'documents.mrz.lowercase',
  'documents.mrz.document_code',
  'documents.mrz.state_code',
  'documents.mrz.specimen_state',
  'documents.mrz.deprecated_state',
  'documents.mrz.name_characters',
  'documents.mrz.name_empty',
  'documents.mrz.name_truncated',
  'documents.mrz.document_number_empty',
  'documents.mrz.document_number_overflow',
  'documents.mrz.check_digit',
  'documents.mrz.date_format',
  'documents.mrz.date_invalid',
  'documents.mrz.sex',
  'documents.mrz.sex_nonstandard',
  'documents.mrz.expiry_before_birth',
] as const
export type MrzIssueCode = (typeof MRZ_ISSUE_CODES)[number]

/** Field names used in issues and spans; `composite` is the composite check digit, `input` the whole text. */
export type MrzFieldName =
  | 'input'
  | 'documentCode'
  | 'issuingState'
  | 'name'
  | 'documentNumber'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'expiryDate'
  | 'personalNumber'
  | 'optionalData'
  | 'optionalData2'
  | 'composite'

export type IssueParams = Record<string, string | number>

/**
 * One error or warning. Position follows `MrzSpan` (0-based line and start, exclusive end, in the cleaned
 * `lines` of the result); it is null for problems of the input as a whole (empty, too long).
 */
export interface MrzIssue {
  code: MrzIssueCode
  field: MrzFieldName
  line: number | null
  start: number | null
  end: number | null
  params: IssueParams
}

export function issue(
  code: MrzIssueCode,
  field: MrzFieldName,
  span: MrzSpan | null,
  params: IssueParams = {},
): MrzIssue {
  return {
    code,
    field,
    line: span ? span.line : null,
    start: span ? span.start : null,
    end: span ? span.end : null,
    params,
  }
}
