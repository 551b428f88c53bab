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
import { sendWithNext } from '../../platform/db/send-together.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { TravelDocumentRow, TravellerRow } from '../documents/documents.tables.ts'
import { readDocument } from '../documents/read-document.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { evaluateCrossing } from '../risk/evaluate-crossing.ts'
import type { StoredEvaluation } from '../risk/evaluations.repository.ts'
import { screenTraveller } from '../screening/screen-traveller.ts'
import type { ScreeningIndex } from '../screening/screening-index.ts'
import { movementsQuery, toMovement } from './crossings.repository.ts'
import type { CrossingRow } from './crossings.tables.ts'
import { type IdentityCandidate, identityCandidates, sameBirthDate } from './identify-candidates.ts'

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

/** The MRZ as typed (stored if valid) or a document already stored; an unreadable MRZ is refused with its errors. */
async function documentFor(o: {
  trx: Tx
  actor: RequestActor
  text?: string
  documentId?: string
}): Promise<{ row: TravelDocumentRow; created: boolean; traveller?: TravellerRow }> {
  if (o.documentId) {
    const row = await o.trx
      .selectFrom('travel_documents')
      .selectAll()
      .where('id', '=', o.documentId)
      .executeTakeFirst()
    if (!row) throw new AppError('not_found')
    return { row, created: false }
  }
  const read = await readDocument({ trx: o.trx, actor: o.actor, text: o.text ?? '', template: false })
  // No path: the errors point into the MRZ lines. Each names its field (`params.field`, e.g. `issuingState`), so
  // the answer says "Issuing state: …" and "Nationality: …" instead of the same line twice.
  if (!read.stored)
    throw new AppError(
      'validation_failed',
      {},
      read.result.errors.map((e) => ({
        code: e.code,
        params: { ...e.params, field: e.field, ...(e.line === null ? {} : { line: e.line + 1 }) },
      })),
    )
  return read.stored
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
  const { row: document, created, traveller: known } = await documentFor(o)
  // A document read from its MRZ comes with its traveller (created with it, or read in the same statement).
  const traveller =
    known ??
    (await o.trx
      .selectFrom('travellers')
      .selectAll()
      .where('id', '=', document.traveller_id)
      .executeTakeFirstOrThrow())
  const day = todayInCambodia()
  // Neither the history nor a new passport's look-alikes are needed before the screening has read its hits: both go
  // out with the screening's reads, in one round trip.
  const pastLater = created ? null : await sendWithNext(o.trx, movementsQuery(o.trx, traveller.id))
  const bornLater =
    created && traveller.birth_date
      ? await sendWithNext(o.trx, sameBirthDate(o.trx, traveller.birth_date, traveller.id))
      : null
  const screening = await screenTraveller({
    trx: o.trx,
    actor: o.actor,
    index: o.index,
    person: {
      name: `${document.given_names} ${document.surname}`.trim(),
      birthDate: document.birth_date ?? undefined,
      nationality: document.nationality ?? undefined,
      sex: document.sex ?? undefined,
    },
    document: { issuingState: document.issuing_state, number: document.document_number },
    // Nothing in the inspection reads the request or the evaluation back: both go in its last statement.
    deferred: true,
    head: o.screeningHead,
  })
  const history = pastLater ? await pastLater.rows() : []
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
      bornSameDay: bornLater ?? undefined,
    }),
  }
}
