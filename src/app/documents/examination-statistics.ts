import { allowedScope } from '../../domain/identity/policy.ts'
import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'
import { countFindings, type FindingCount } from './examinations.repository.ts'

const DAY = 86_400_000

/**
 * Examination findings counted by finding, issuing state and post, over whole days [from, to]. A post-scoped
 * reader sees their post, an agency-scoped one their agency's examinations. Counts only: nobody is named.
 */
export async function examinationStatistics(o: {
  db: Executor
  actor: RequestActor
  from: string
  to: string
}): Promise<{ rows: FindingCount[]; total: number }> {
  const scope = allowedScope(o.actor, 'read', 'document_statistics')
  if (!scope) throw new AppError('forbidden')
  const from = new Date(`${o.from}T00:00:00Z`)
  const to = new Date(new Date(`${o.to}T00:00:00Z`).getTime() + DAY)
  if (to <= from)
    throw new AppError('validation_failed', {}, [{ path: 'query.to', code: 'validation.too_small' }])
  const rows = await countFindings(o.db, {
    from,
    to,
    ...(scope === 'post' ? { postCode: o.actor.postCode ?? '-' } : {}),
    ...(scope === 'agency' ? { agencyCode: o.actor.agencyCode } : {}),
  })
  return { rows, total: rows.reduce((n, r) => n + r.count, 0) }
}
