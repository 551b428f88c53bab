import type { EvaluationView } from '../risk/types.ts'
import type { Hit } from '../screening/types.ts'

export const DIRECTIONS = ['entry', 'exit'] as const
export const DECISIONS = ['admit', 'refer_secondary', 'refuse'] as const
export const PURPOSES = [
  'tourism',
  'work',
  'business',
  'family',
  'study',
  'transit',
  'return',
  'other',
] as const
export const TRANSPORTS = ['air', 'land', 'sea', 'river'] as const
export const PERMIT_TYPES = [
  'none',
  'tourist_visa',
  'business_visa',
  'e_visa',
  'visa_exempt',
  'border_pass',
  'work_permit',
  'other',
] as const
export const RELATIONS = [
  'parent',
  'legal_guardian',
  'relative',
  'spouse',
  'child',
  'group_member',
  'other',
] as const

export interface Crossing {
  id: string
  travellerId: string
  postCode: string
  crossedAt: string
  crossedOn: string
  direction: string
  decision: string
  refusalReason: string | null
  stayDays: number | null
  overstayDays: number | null
  flags: string[]
}

export interface Stay {
  entryId: string
  entryDay: string
  entryPost: string
  days: number
  permittedDays: number | null
  overstayDays: number | null
}

export interface Traveller {
  id: string
  surname: string
  givenNames: string
  birthDate: string | null
  sex: string | null
  nationality: string | null
}

export interface Inspection {
  day: string
  document: { id: string; issuingState: string; documentNumber: string; expiryDate: string | null }
  traveller: Traveller
  history: Crossing[]
  currentStay: Stay | null
  expectedDirection: 'entry' | 'exit' | null
  screening: { requestId: string; hits: Hit[] }
  risk: EvaluationView
  refusalReasons: { code: string; name: string }[]
}
