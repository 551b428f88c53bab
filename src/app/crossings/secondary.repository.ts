import type { Executor, Tx } from '../../platform/db/database.ts'
import type { SecondaryRow } from './secondary.tables.ts'

export function lockSecondary(trx: Tx, id: string): Promise<SecondaryRow | undefined> {
  return trx
    .selectFrom('secondary_inspections')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export function findSecondary(db: Executor, id: string): Promise<SecondaryRow | undefined> {
  return db.selectFrom('secondary_inspections').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The traveller's referral still waiting for an outcome, at any post. */
export function openSecondaryOf(db: Executor, travellerId: string) {
  return db
    .selectFrom('secondary_inspections')
    .select(['id', 'post_code'])
    .where('traveller_id', '=', travellerId)
    .where('decided_at', 'is', null)
    .executeTakeFirst()
}

/** A referral with the traveller and the referring movement, as the queue and the inspection view show it. */
function withTraveller(db: Executor) {
  return db
    .selectFrom('secondary_inspections as s')
    .innerJoin('crossings as c', 'c.id', 's.crossing_id')
    .innerJoin('travellers as t', 't.id', 's.traveller_id')
    .innerJoin('users as r', 'r.id', 's.referred_by')
    .leftJoin('users as k', 'k.id', 's.taken_by')
    .leftJoin('users as d', 'd.id', 's.decided_by')
    .selectAll('s')
    .select([
      'c.direction',
      'c.counter',
      'c.document_id',
      'c.risk_evaluation_id',
      'c.screening_request_id',
      't.surname',
      't.given_names',
      't.birth_date',
      't.nationality',
      'r.username as referred_by_name',
      'k.username as taken_by_name',
      'd.username as decided_by_name',
    ])
}

export type SecondaryListRow = Awaited<ReturnType<ReturnType<typeof withTraveller>['execute']>>[number]

/** A post's open referrals, oldest first: the order travellers are seen in. */
export function openQueue(db: Executor, postCode: string): Promise<SecondaryListRow[]> {
  return withTraveller(db)
    .where('s.post_code', '=', postCode)
    .where('s.decided_at', 'is', null)
    .orderBy('s.referred_at')
    .orderBy('s.id')
    .execute()
}

export function findSecondaryDetail(db: Executor, id: string): Promise<SecondaryListRow | undefined> {
  return withTraveller(db).where('s.id', '=', id).executeTakeFirst()
}

export function notesOf(db: Executor, secondaryId: string) {
  return db
    .selectFrom('secondary_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.text', 'n.written_at', 'u.username as author'])
    .where('n.secondary_id', '=', secondaryId)
    .orderBy('n.written_at')
    .orderBy('n.id')
    .execute()
}

export function examinationsOf(db: Executor, secondaryId: string) {
  return db
    .selectFrom('secondary_examinations as x')
    .innerJoin('document_examinations as e', 'e.id', 'x.examination_id')
    .select(['e.id', 'e.document_id', 'e.finding', 'e.notes', 'e.examined_at', 'x.linked_at'])
    .where('x.secondary_id', '=', secondaryId)
    .orderBy('x.linked_at')
    .execute()
}

/** Examinations of the traveller's documents at the referral's post since the referral, not linked yet. */
export function unlinkedExaminations(db: Executor, s: SecondaryRow) {
  return db
    .selectFrom('document_examinations as e')
    .innerJoin('travel_documents as d', 'd.id', 'e.document_id')
    .select(['e.id', 'e.finding', 'e.notes', 'e.examined_at'])
    .where('d.traveller_id', '=', s.traveller_id)
    .where('e.post_code', '=', s.post_code)
    .where('e.examined_at', '>=', s.referred_at)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('secondary_examinations as x')
            .select('x.examination_id')
            .where('x.secondary_id', '=', s.id)
            .whereRef('x.examination_id', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.examined_at')
    .execute()
}
