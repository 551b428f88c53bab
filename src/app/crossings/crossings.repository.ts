import type { CrossingDecision, Direction, PastMovement } from '../../domain/crossings/index.ts'
import type { ReferenceLists } from '../../platform/cache/reference-cache.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
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
  return db
    .selectFrom('crossings')
    .selectAll()
    .where('traveller_id', '=', travellerId)
    .orderBy('crossed_at')
    .orderBy('id')
    .execute()
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
 * Inserts a crossing, its companions and (for a primary decision) the screening request's link to it in one
 * statement: data-modifying CTEs run together, and the foreign keys are checked at the end of the statement.
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
  return trx
    .with('c', (db) => db.insertInto('crossings').values(o.crossing).returningAll())
    .with('k', (db) =>
      companions.length
        ? db.insertInto('crossing_companions').values(companions).returning('crossing_id')
        : db.selectNoFrom((eb) => eb.lit(1).as('none')),
    )
    .with('s', (db) =>
      screeningId
        ? db
            .updateTable('screening_requests')
            .set({ crossing_id: id })
            .where('id', '=', screeningId)
            .returning('id')
        : db.selectNoFrom((eb) => eb.lit(1).as('none')),
    )
    .selectFrom('c')
    .selectAll()
    .executeTakeFirstOrThrow()
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
