import type { ApiResult, Item } from '../api/contract.ts'

/** The screening API's views, read from the generated contract. */
export type Watchlist = Item<ApiResult<'/api/watchlists', 'GET'>>
type Entry = Item<ApiResult<'/api/watchlists/{id}/persons', 'GET'>['items']>
export type PersonEntry = Extract<Entry, { names: string[] }>
export type DocumentEntry = Exclude<Entry, { names: string[] }>
type HitView = Item<ApiResult<'/api/screening/screen', 'POST'>['hits']>
/** The contract leaves a hit's explanation an open record (its parts depend on the matcher): read as below. */
export type Hit = Omit<HitView, 'explanation'> & { explanation: Explanation }
export type ScreenResult = Omit<ApiResult<'/api/screening/screen', 'POST'>, 'hits'> & { hits: Hit[] }

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
