import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'

export interface OfficersTrainedScope {
  agencyCode?: string
  postCode?: string
}

export interface OfficersTrainedRow {
  postCode: string | null
  agencyCode: string
  sex: 'F' | 'M' | 'X'
  officers: number
}

export interface OfficersTrained {
  /** Distinct officers over the whole period and scope. */
  total: number
  /** Distinct officers per post, agency and sex (as recorded on the participation; an officer trained at two
   * posts in the period counts once in each, and once in `total`). */
  rows: OfficersTrainedRow[]
}

/**
 * The plan indicator "officers trained": distinct Passage users (external participants are not officers of the
 * system) whose participation was completed on a day in [from, to], both `YYYY-MM-DD` and inclusive.
 */
export async function officersTrained(
  db: Executor,
  o: { from: string; to: string; scope?: OfficersTrainedScope },
): Promise<OfficersTrained> {
  let q = db
    .selectFrom('training_participants')
    .where('user_id', 'is not', null)
    .where('completed_on', '>=', o.from)
    .where('completed_on', '<=', o.to)
  if (o.scope?.agencyCode) q = q.where('agency_code', '=', o.scope.agencyCode)
  if (o.scope?.postCode) q = q.where('post_code', '=', o.scope.postCode)
  const [rows, total] = await Promise.all([
    q
      .select(['post_code', 'agency_code', 'sex', sql<number>`count(DISTINCT user_id)::int`.as('officers')])
      .groupBy(['post_code', 'agency_code', 'sex'])
      .orderBy('agency_code')
      .orderBy('post_code')
      .orderBy('sex')
      .execute(),
    q.select(sql<number>`count(DISTINCT user_id)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    total: total.n,
    rows: rows.map((r) => ({
      postCode: r.post_code,
      agencyCode: r.agency_code,
      sex: r.sex,
      officers: r.officers,
    })),
  }
}
