import { sql } from 'kysely'
import { allowedScope } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { getWatchlist } from './manage-watchlists.ts'
import { overdueCounts } from './watchlists.repository.ts'

/** The lists the actor may manage, each with how many of its entries are past their review date. */
export async function listWatchlists(ex: Executor, actor: RequestActor, today: string) {
  const scope = allowedScope(actor, 'read', 'watchlist')
  if (!scope) throw new AppError('forbidden')
  let q = ex.selectFrom('watchlists').selectAll().orderBy('name')
  if (scope !== 'national') q = q.where('owner_agency', '=', actor.agencyCode)
  const [lists, overdue] = await Promise.all([q.execute(), overdueCounts(ex, today)])
  return lists.map((l) => ({ list: l, overdue: overdue.get(l.id) ?? 0 }))
}

export interface EntryQuery {
  search?: string
  overdue?: 'true' | 'false'
  limit: number
  offset: number
}

/** One page of a list's current entries; `search` matches any name, alias or number. */
export async function listEntries(
  ex: Executor,
  kind: 'persons' | 'documents',
  listId: string,
  q: EntryQuery,
  today: string,
) {
  const table = kind === 'persons' ? 'watchlist_persons' : 'watchlist_documents'
  let query = ex.selectFrom(table).where('list_id', '=', listId).where('removed_at', 'is', null)
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query =
      kind === 'persons'
        ? query.where(sql<boolean>`names::text ILIKE ${like}`)
        : query.where(sql<boolean>`number ILIKE ${like}`)
  }
  if (q.overdue === 'true') query = query.where('review_date', '<', today)
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

/**
 * One page of a list's entries for a reader allowed to see the list, audited in the same transaction as a
 * sensitive read: which list, which kind, how many entries were shown, whether a search narrowed them — never
 * the search text or the entries, which are personal data.
 */
export async function readEntries(o: {
  trx: Tx
  actor: RequestActor
  kind: 'persons' | 'documents'
  listId: string
  query: EntryQuery
  today: string
}) {
  await getWatchlist(o.trx, o.actor, o.listId)
  const page = await listEntries(o.trx, o.kind, o.listId, o.query, o.today)
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'read',
    resource: 'watchlist',
    recordId: o.listId,
    details: {
      entries: o.kind,
      count: page.rows.length,
      total: page.total,
      searched: Boolean(o.query.search),
    },
  })
  return page
}
