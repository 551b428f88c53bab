import type { EvaluationView } from '../risk/types.ts'
import type { Hit } from '../screening/types.ts'

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
