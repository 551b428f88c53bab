import type { EvaluationView } from '../risk/types.ts'
import type { Hit } from '../screening/types.ts'

export { SECONDARY_OUTCOMES } from '../../../src/domain/crossings/secondary.ts'
// The value sets are the domain's own: the screen offers exactly what the server accepts.
export {
  DECISIONS,
  DIRECTIONS,
  PERMIT_TYPES,
  PURPOSES,
  RELATIONS,
  TRANSPORTS,
} from '../../../src/domain/crossings/types.ts'

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

export interface SecondaryItem {
  id: string
  crossingId: string
  postCode: string
  state: 'waiting' | 'in_interview' | 'decided'
  traveller: { id: string; name: string; birthDate: string | null; nationality: string | null }
  documentId: string
  direction: string
  counter: string
  referredAt: string
  referredBy: string
  referralNote: string
  takenAt: string | null
  takenBy: string | null
  decidedAt: string | null
  decidedBy: string | null
  outcome: string | null
  refusalReason: string | null
  resultCrossingId: string | null
  protectionReferralId: string | null
  policeAlertId: string | null
  dwell: { waitingSeconds: number; interviewSeconds: number | null; totalSeconds: number }
}

export interface SecondaryExamination {
  id: string
  finding: string
  notes: string
  examinedAt: string
}

export interface SecondaryDetail extends SecondaryItem {
  notes: { id: string; author: string; writtenAt: string; text: string }[]
  examinations: SecondaryExamination[]
  unlinkedExaminations: SecondaryExamination[]
  hits: Hit[]
  risk: EvaluationView | null
  history: Crossing[]
  refusalReasons: { code: string; name: string }[]
}
