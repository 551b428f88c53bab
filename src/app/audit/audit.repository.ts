import type { Executor } from '../../platform/db/database.ts'

export interface AuditFilter {
  actor?: string
  action?: string
  resource?: string
  recordId?: string
  from?: Date
  to?: Date
  limit: number
  offset: number
}

export async function listAuditEntries(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_log')
  if (f.actor) q = q.where('actor_username', '=', f.actor)
  if (f.action) q = q.where('action', '=', f.action)
  if (f.resource) q = q.where('resource', '=', f.resource)
  if (f.recordId) q = q.where('record_id', '=', f.recordId)
  if (f.from) q = q.where('at', '>=', f.from)
  if (f.to) q = q.where('at', '<', f.to)
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
