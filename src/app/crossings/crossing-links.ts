import { AppError } from '../../platform/errors/codes.ts'
import type { MovementFacts } from './movement-facts.ts'

const unknown = (path: string, code: string) => new AppError('validation_failed', {}, [{ path, code }])

/**
 * The screening request and the risk evaluation a crossing links must come from an inspection at the same post and
 * not already belong to another crossing: a link to someone else's advice would make the record lie. Judged on the
 * facts `movementFacts` read with the rest, under the traveller's lock.
 */
export function checkLinks(
  postCode: string,
  c: { riskEvaluationId: string | null; screeningRequestId: string | null },
  facts: Pick<MovementFacts, 'evaluation' | 'screening'>,
): void {
  if (c.riskEvaluationId) {
    const e = facts.evaluation
    if (!e || e.postCode !== postCode || e.used)
      throw unknown('body.riskEvaluationId', 'crossings.unknown_evaluation')
  }
  if (c.screeningRequestId) {
    const s = facts.screening
    if (!s || s.postCode !== postCode || s.crossingId !== null)
      throw unknown('body.screeningRequestId', 'crossings.unknown_screening')
  }
}
