import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'

const unknown = (path: string, code: string) => new AppError('validation_failed', {}, [{ path, code }])

/**
 * The screening request and the risk evaluation a crossing links must come from an inspection at the same post and
 * not already belong to another crossing: a link to someone else's advice would make the record lie.
 */
export async function checkLinks(
  trx: Tx,
  postCode: string,
  c: { riskEvaluationId: string | null; screeningRequestId: string | null },
): Promise<void> {
  if (c.riskEvaluationId) {
    const e = await trx
      .selectFrom('risk_evaluations')
      .select(['post_code'])
      .where('id', '=', c.riskEvaluationId)
      .executeTakeFirst()
    const used = await trx
      .selectFrom('crossings')
      .select('id')
      .where('risk_evaluation_id', '=', c.riskEvaluationId)
      .executeTakeFirst()
    if (!e || e.post_code !== postCode || used)
      throw unknown('body.riskEvaluationId', 'crossings.unknown_evaluation')
  }
  if (c.screeningRequestId) {
    const s = await trx
      .selectFrom('screening_requests')
      .select(['post_code', 'crossing_id'])
      .where('id', '=', c.screeningRequestId)
      .executeTakeFirst()
    if (!s || s.post_code !== postCode || s.crossing_id !== null)
      throw unknown('body.screeningRequestId', 'crossings.unknown_screening')
  }
}
