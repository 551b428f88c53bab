import { allowedScope } from '../../domain/identity/policy.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { RequestActor } from '../identity/actor.ts'
import { searchReturnees } from './returns.repository.ts'
import type { ReturneeRow } from './returns.tables.ts'

/**
 * A post's registrations of one day (today by default), newest first, optionally narrowed by a name or phone.
 * Border officers read their own post; social workers and case managers any post, or all of them.
 */
export async function listReturnees(o: {
  db: Db
  actor: RequestActor
  postCode: string | null
  day: string | null
  query: string | null
  limit: number
}): Promise<{ day: string; items: ReturneeRow[]; total: number }> {
  const scope = allowedScope(o.actor, 'read', 'returnee')
  if (!scope) throw new AppError('forbidden')
  const postCode = o.postCode ?? (scope === 'post' ? o.actor.postCode : null)
  if (scope === 'post' && (!postCode || postCode !== o.actor.postCode)) throw new AppError('forbidden')
  const day = o.day ?? todayInCambodia()
  const found = await searchReturnees(o.db, { postCode, day, query: o.query, limit: o.limit })
  return { day, ...found }
}
