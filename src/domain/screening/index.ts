/**
 * Screening: multilingual name matching, the in-process candidate index and document-number helpers.
 * Pure domain code; this is the surface the use cases and the CLI call.
 */
export {
  CandidateIndex,
  type CandidateIndexSnapshot,
  type IndexEntry,
  type SearchHit,
  type SearchOptions,
} from './candidate-index.ts'
export {
  type ComparisonResult,
  compareNames,
  compareParsed,
  type Decision,
  decide,
  type Explanation,
  MATCH_THRESHOLD,
  type PartExplanation,
  type PersonDetails,
  POSSIBLE_THRESHOLD,
  scoreParsed,
  type UnmatchedPart,
} from './compare-names.ts'
export {
  documentKey,
  normaliseDocumentNumber,
  normaliseIssuingState,
  OCR_CONFUSIONS,
  ocrCanonical,
  ocrVariants,
} from './documents.ts'
export { NAME_KEY_VERSION } from './key-version.ts'
export { romaniseKhmer } from './khmer-romanise.ts'
export { type NamePart, type ParsedName, parseName } from './name-parts.ts'
export { cleanName, foldLatin, icaoTransliterate } from './normalise.ts'
export type { MatchMethod } from './part-similarity.ts'
export { type PartialDate, parsePartialDate, type QualifierResult } from './qualifiers.ts'
export { variantKey } from './variants.ts'
