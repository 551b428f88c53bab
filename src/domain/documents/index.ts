// The documents domain as the application layer sees it. Everything here is pure: text and dates in, data out.
export { checkDigit } from './check-digit.ts'
export { isBlankLine, MAX_INPUT_LENGTH } from './clean.ts'
export { type IsoDay, parseIsoDay } from './dates.ts'
export type { OverflowConvention } from './document-number.ts'
export * from './examination-templates.ts'
export { type DocumentFacts, deriveFacts, type FactOptions } from './facts.ts'
export { detectFormat, MRZ_FORMATS, type MrzFormat, type MrzSpan } from './formats.ts'
export { type GeneratedMrz, generateMrz, type MrzDocument, MrzGenerationError } from './generate.ts'
export { MRZ_ISSUE_CODES, type MrzFieldName, type MrzIssue, type MrzIssueCode } from './issues.ts'
export { isKnownStateCode, PROTECTION_CODES, readStateCode, type StateCode } from './issuing-states.ts'
export { toMrzWords } from './names.ts'
export {
  type CorrectionChange,
  type CorrectionReason,
  type MrzCorrection,
  suggestCorrections,
} from './ocr-corrections.ts'
export { oversizedInputResult, type ParseOptions, parseMrz } from './parse.ts'
export type { MrzChecks, MrzFields, MrzResult, Sex } from './result.ts'
export { ICAO_SPECIMENS, type Specimen } from './specimens.ts'
