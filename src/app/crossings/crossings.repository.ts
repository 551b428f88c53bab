import type { CrossingDecision, Direction, PastMovement } from '../../domain/crossings/index.ts'
import type { ReferenceLists } from '../../platform/cache/reference-cache.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { deferWrite } from '../../platform/db/deferred-writes.ts'
import type { CrossingRow, NewCrossingRow, RefusalReasonRow } from './crossings.tables.ts'

/**
 * Serialises every write about one traveller: a second officer recording the same movement waits here, then
 * sees the first movement in the history and is refused with a clear message.
 */
export async function lockTraveller(
  trx: Tx,
  travellerId: string,
): Promise<{ birthDate: string | null } | undefined> {
  const row = await trx
    .selectFrom('travellers')
    .select('birth_date')
    .where('id', '=', travellerId)
    .forUpdate()
    .executeTakeFirst()
  return row && { birthDate: row.birth_date }
}

/** Every movement of a traveller at every post, oldest first: stays need the whole record. */
export function crossingsOf(db: Executor, travellerId: string): Promise<CrossingRow[]> {
  return movementsQuery(db, travellerId).execute()
}

/** A document's number as its row is keyed (`travel_documents`' unique key). */
export interface DocumentKey {
  issuingState: string
  documentCode: string
  documentNumber: string
}

/** The traveller who holds the document with `key`, as a subquery: null while no such document is stored. */
export function holderOf(db: Executor, key: DocumentKey) {
  return db
    .selectFrom('travel_documents as h')
    .select('h.traveller_id')
    .where('h.issuing_state', '=', key.issuingState)
    .where('h.document_code', '=', key.documentCode)
    .where('h.document_number', '=', key.documentNumber)
}

/** A traveller named by id, or as the holder of a document (`holderOf`, a subquery). */
export type TravellerRef = string | ReturnType<typeof holderOf>

/**
 * The query `crossingsOf` sends, for sending it with other statements (`sendWithNext`). Asked of a document's holder
 * before the document is stored, with it (`inspection-arrival.ts`), it finds none for a document seen for the first
 * time.
 */
export function movementsQuery(db: Executor, traveller: TravellerRef) {
  return db
    .selectFrom('crossings')
    .selectAll()
    .where('traveller_id', '=', traveller)
    .orderBy('crossed_at')
    .orderBy('id')
}

export function toMovement(r: CrossingRow): PastMovement {
  return {
    id: r.id,
    direction: r.direction as Direction,
    decision: r.decision as CrossingDecision,
    day: r.crossed_on,
    postCode: r.post_code,
    permittedStayDays: r.permitted_stay_days,
  }
}

/**
 * Inserts a crossing, its companions and (for a primary decision) the screening request's link to it, deferred to the
 * transaction's last statement (`deferWrite`: issue 13, one round trip less per recorded crossing). Every column is
 * known here, so the row is returned as it will be stored, without reading it back; anything later in the
 * transaction that reads the crossings, or writes a row whose key points at one, sends the writes first.
 */
export async function insertMovement(
  trx: Tx,
  o: {
    crossing: NewCrossingRow
    companions: readonly { travellerId: string; relation: string }[]
    linkScreeningRequest: string | null
  },
): Promise<CrossingRow> {
  const id = o.crossing.id
  const companions = o.companions.map((c) => ({
    crossing_id: id,
    traveller_id: c.travellerId,
    relation: c.relation,
  }))
  const screeningId = o.linkScreeningRequest
  await deferWrite(trx, 'crossings', () => trx.insertInto('crossings').values(o.crossing))
  if (companions.length)
    await deferWrite(trx, 'crossing_companions', () =>
      trx.insertInto('crossing_companions').values(companions),
    )
  if (screeningId)
    await deferWrite(trx, 'screening_requests', () =>
      trx.updateTable('screening_requests').set({ crossing_id: id }).where('id', '=', screeningId),
    )
  return storedCrossing(o.crossing)
}

/** The row PostgreSQL will hold for `c`: its JSON parsed, its uuids in their canonical lower case. */
function storedCrossing(c: NewCrossingRow): CrossingRow {
  const uuid = (v: string | null | undefined) => (v == null ? null : v.toLowerCase())
  return {
    ...c,
    crossed_at: new Date(c.crossed_at),
    purpose: c.purpose ?? null,
    permit_type: c.permit_type ?? null,
    permit_number: c.permit_number ?? null,
    permit_valid_from: c.permit_valid_from ?? null,
    permit_valid_until: c.permit_valid_until ?? null,
    permitted_stay_days: c.permitted_stay_days ?? null,
    transport: c.transport ?? null,
    vehicle_plate: c.vehicle_plate ?? null,
    flight_number: c.flight_number ?? null,
    vessel_name: c.vessel_name ?? null,
    refusal_reason: c.refusal_reason ?? null,
    risk_evaluation_id: uuid(c.risk_evaluation_id),
    screening_request_id: uuid(c.screening_request_id),
    matched_entry_id: uuid(c.matched_entry_id),
    stay_days: c.stay_days ?? null,
    overstay_days: c.overstay_days ?? null,
    flags: JSON.parse(c.flags) as string[],
    previous_admitted_id: uuid(c.previous_admitted_id),
  }
}

export function companionsOf(db: Executor, crossingIds: readonly string[]) {
  if (crossingIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('crossing_companions as c')
    .innerJoin('travellers as t', 't.id', 'c.traveller_id')
    .select(['c.crossing_id', 'c.traveller_id', 'c.relation', 't.surname', 't.given_names', 't.birth_date'])
    .where('c.crossing_id', 'in', crossingIds)
    .execute()
}

export function activeRefusalReasons(db: Executor): Promise<RefusalReasonRow[]> {
  return db.selectFrom('refusal_reasons').selectAll().where('active', '=', true).orderBy('position').execute()
}

/** The active refusal reasons from the request's reference lists (migration 0018 tells when they changed). */
export function cachedRefusalReasons(refs: ReferenceLists, db: Executor): Promise<RefusalReasonRow[]> {
  return refs.get('crossings.refusal-reasons', db, activeRefusalReasons)
}
