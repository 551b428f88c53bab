import type { CrossingDecision, Direction, PastMovement } from '../../domain/crossings/index.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import type { CrossingRow, NewCrossingRow, RefusalReasonRow } from './crossings.tables.ts'

/**
 * Serialises every write about one traveller: a second officer recording the same movement waits here, then
 * sees the first movement in the history and is refused with a clear message.
 */
export async function lockTraveller(trx: Tx, travellerId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('travellers')
    .select('id')
    .where('id', '=', travellerId)
    .forUpdate()
    .executeTakeFirst()
  return row !== undefined
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

export function insertCrossing(trx: Tx, row: NewCrossingRow): Promise<CrossingRow> {
  return trx.insertInto('crossings').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function insertCompanions(
  trx: Tx,
  crossingId: string,
  companions: readonly { travellerId: string; relation: string }[],
): Promise<void> {
  if (companions.length === 0) return
  await trx
    .insertInto('crossing_companions')
    .values(
      companions.map((c) => ({ crossing_id: crossingId, traveller_id: c.travellerId, relation: c.relation })),
    )
    .execute()
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
