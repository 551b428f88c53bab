/** The documents API as the panel uses it (see `src/app/documents/*.schemas.ts`). */
export interface Span {
  line: number
  start: number
  end: number
}

export interface MrzIssue {
  code: string
  field: string
  message: string
  line: number | null
  start: number | null
  end: number | null
}

export interface MrzFields {
  documentCode: string | null
  issuingState: string | null
  documentNumber: string | null
  nationality: string | null
  surname: string | null
  givenNames: string | null
  birthDate: string | null
  sex: 'M' | 'F' | 'X' | null
  expiryDate: string | null
  personalNumber?: string | null
  optionalData?: string | null
  optionalData2?: string | null
}

export interface Facts {
  age: number | null
  ageMin: number | null
  ageMax: number | null
  minor: boolean | null
  underTwelve: boolean | null
  ageNeedsReview: boolean
  expired: boolean | null
  daysToExpiry: number | null
  expiresSoon: boolean | null
  statelessOrRefugee: 'stateless' | 'refugee' | 'other_refugee' | null
  protectionRelevant: boolean
}

export interface Correction {
  lines: string[]
  changes: { line: number; index: number; from: string; to: string; field: string; message: string }[]
  fields: MrzFields
}

export interface StoredDocument {
  id: string
  travellerId: string
  source: 'mrz' | 'manual'
  documentCode: string
  issuingState: string
  documentNumber: string
  readCount: number
  firstSeenAt: string
  created: boolean
}

export interface ReadResult {
  onDate: string
  format: 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB' | null
  valid: boolean
  lines: string[]
  fields: MrzFields
  errors: MrzIssue[]
  warnings: MrzIssue[]
  facts: Facts | null
  corrections: Correction[]
  document: StoredDocument | null
  templateId: string | null
}

export interface ExaminationCheck {
  id: string
  category: string
  method: string
  nameEn: string
  nameKm: string
  toBeConfirmed: boolean
  active: boolean
}

export interface ExaminationTemplate {
  id: string
  nameEn: string
  nameKm: string
  checks: ExaminationCheck[]
}

export interface Photo {
  id: string
  contentType: string
  size: number
}

export interface Examination {
  id: string
  finding: string
  photos: Photo[]
}

export const FINDINGS = ['genuine', 'suspected', 'forged_or_altered', 'impostor', 'not_examined'] as const
export const CHECK_RESULTS = ['consistent', 'anomaly', 'not_checked', 'not_applicable'] as const
