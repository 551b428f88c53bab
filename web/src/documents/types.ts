import type { ApiResult, Item } from '../api/contract.ts'

/** The documents API as the panel uses it, read from the generated contract. */
export type ReadResult = ApiResult<'/api/documents/read', 'POST'>
export type MrzFields = ReadResult['fields']
export type MrzIssue = Item<ReadResult['errors']>
export type Facts = NonNullable<ReadResult['facts']>
export type Correction = Item<ReadResult['corrections']>
export type StoredDocument = NonNullable<ReadResult['document']>
export type ExaminationTemplate = ApiResult<'/api/documents/templates/{id}', 'GET'>
export type ExaminationCheck = Item<ExaminationTemplate['checks']>
export type Examination = ApiResult<'/api/documents/examinations', 'POST'>
export type Photo = Item<Examination['photos']>

export const FINDINGS = ['genuine', 'suspected', 'forged_or_altered', 'impostor', 'not_examined'] as const
export const CHECK_RESULTS = ['consistent', 'anomaly', 'not_checked', 'not_applicable'] as const
