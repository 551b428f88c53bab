/** The screening API's views, as the web app reads them. */
export interface Watchlist {
  id: string
  name: string
  ownerAgency: string
  kind: 'persons' | 'documents' | 'mixed'
  description: string
  active: boolean
  version: number
  overdue: number
  updatedAt: string
}

interface EntryCommon {
  id: string
  listId: string
  externalId: string
  source: string
  handling: string
  validFrom: string | null
  validUntil: string | null
  reviewDate: string | null
  reviewOverdue: boolean
  sensitivity: string
  updatedAt: string
}

export interface PersonEntry extends EntryCommon {
  names: string[]
  birthDate: string | null
  nationality: string[]
  sex: string | null
  documents: { issuingState?: string; type?: string; number: string }[]
  category: string
}

export interface DocumentEntry extends EntryCommon {
  issuingState: string
  type: string | null
  number: string
  status: string
}

export interface Message {
  messageKey: string
  params?: Record<string, unknown>
}

export interface Explanation {
  nameScore?: number
  parts?: (Message & { method: string; a: string; b: string })[]
  unmatched?: Message[]
  qualifiers?: (Message & { kind: string; adjustment: number })[]
  notes?: Message[]
  decisionKey?: string
  matchedName?: string
  exact?: boolean
  listedNumber?: string
  queriedNumber?: string
  messageKey?: string
  params?: Record<string, unknown>
}

export interface Hit {
  id: string
  requestId: string
  kind: 'name' | 'document'
  score: number
  decision: 'match' | 'possible' | 'no-match'
  explanation: Explanation
  status: 'open' | 'true_match' | 'false_positive' | 'needs_investigation'
  postCode: string | null
  agencyCode: string
  adjudication: { reason: string; by: string | null; at: string } | null
  createdAt: string
  entry: {
    id: string
    kind: 'person' | 'document'
    listName: string
    ownerAgency: string
    sensitivity: string
    category: string | null
    names: string[]
    birthDate: string | null
    nationality: string[]
    sex: string | null
    handling: string
    document: { issuingState: string; type: string | null; number: string; status: string } | null
  }
}

export interface ScreenResult {
  requestId: string
  suppressed: number
  hits: Hit[]
}

export const CATEGORIES = [
  'wanted',
  'suspected_trafficker',
  'banned_from_entry',
  'missing_person',
  'child_at_risk',
  'sanctioned',
  'other',
] as const
export const DOCUMENT_STATUSES = ['lost', 'stolen', 'revoked', 'invalid'] as const
export const SENSITIVITIES = ['normal', 'restricted', 'confidential'] as const
