import type { Direction } from '../../domain/crossings/index.ts'
import {
  currentStay,
  type DeclaredTravel,
  expectedDirection,
  riskContext,
  type Stay,
} from '../../domain/crossings/index.ts'
import type { ListsHead } from '../../platform/cache/cache-versions.ts'
import type { ReferenceLists } from '../../platform/cache/reference-cache.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { TravelDocumentRow, TravellerRow } from '../documents/documents.tables.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { evaluateCrossing } from '../risk/evaluate-crossing.ts'
import type { StoredEvaluation } from '../risk/evaluations.repository.ts'
import type { screenTraveller } from '../screening/screen-traveller.ts'
import type { ScreeningIndex } from '../screening/screening-index.ts'
import { toMovement } from './crossings.repository.ts'
import type { CrossingRow } from './crossings.tables.ts'
import { type IdentityCandidate, identityCandidates } from './identify-candidates.ts'
import { arrivalOf } from './inspection-arrival.ts'

export interface Inspection {
  day: string
  document: TravelDocumentRow
  traveller: TravellerRow
  history: CrossingRow[]
  currentStay: Stay | null
  expectedDirection: Direction | null
  screening: Awaited<ReturnType<typeof screenTraveller>>
  risk: StoredEvaluation
  /** Earlier travellers who may hold a newly seen document; the officer confirms or ignores them. */
  identityCandidates: IdentityCandidate[]
}

/**
 * Primary inspection in one transaction: document → traveller → record → screening → risk. It records no
 * crossing: the screening request and the evaluation are stored by their own use cases, and the officer's
 * decision (`recordCrossing`) links them. Nothing here refuses a traveller.
 */
export async function inspectTraveller(o: {
  trx: Tx
  actor: RequestActor
  index: ScreeningIndex
  text?: string
  documentId?: string
  travel?: DeclaredTravel
  /** The request's cached reference lists (the active rule set); read from the database without. */
  refs?: ReferenceLists
  /** The alert lists' version the request read first: a current index is not asked again. */
  screeningHead?: ListsHead | null
}): Promise<Inspection> {
  authorize(o.actor, 'create', 'crossing', { postCode: o.actor.postCode })
  if (!o.actor.postCode)
    throw new AppError('rule_violation', {}, [{ code: 'crossings.rules.no_post', params: {} }])
  const { document, traveller, created, history, screening, bornSameDay } = await arrivalOf(o)
  const day = todayInCambodia()
  const movements = history.map(toMovement)
  const direction = o.travel?.direction ?? expectedDirection(movements)
  const risk = await evaluateCrossing({
    trx: o.trx,
    actor: o.actor,
    postCode: o.actor.postCode,
    refs: o.refs,
    deferred: true,
    context: riskContext({
      document: {
        documentCode: document.document_code,
        issuingState: document.issuing_state,
        nationality: document.nationality,
        birthDate: document.birth_date,
        sex: document.sex,
        expiryDate: document.expiry_date,
      },
      history: movements,
      day,
      travel: { ...o.travel, direction },
    }),
  })
  return {
    day,
    document,
    traveller,
    history,
    currentStay: currentStay(movements, day),
    expectedDirection: expectedDirection(movements),
    screening,
    risk,
    identityCandidates: await identityCandidates({
      db: o.trx,
      document,
      traveller,
      // A document stored just now has a traveller of its own with nothing else; one with movements is not new.
      newlySeen: created ? true : history.length > 0 ? false : undefined,
      bornSameDay,
    }),
  }
}
