import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RefusalReasonRow } from '../crossings/crossings.tables.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'

/**
 * Administrators keep the refusal reasons officers choose from. Recorded crossings name a reason by its code,
 * so a code is never deleted or renamed: a reason no longer used is deactivated and stays readable in history.
 */
function assertAdmin(actor: RequestActor, action: 'create' | 'update') {
  if (!can(actor, action, 'refusal_reason'))
    throw new AppError('forbidden', { action, resource: 'refusal_reason' })
}

export function allRefusalReasons(db: Executor): Promise<RefusalReasonRow[]> {
  return db.selectFrom('refusal_reasons').selectAll().orderBy('position').orderBy('code').execute()
}

/** The whole list, retired reasons too, for those who keep it; officers get the active ones with each inspection. */
export async function listRefusalReasons(o: { db: Executor; actor: RequestActor }) {
  assertAdmin(o.actor, 'update')
  return allRefusalReasons(o.db)
}

export async function createRefusalReason(o: {
  trx: Tx
  actor: RequestActor
  reason: { code: string; nameEn: string; nameKm: string }
}): Promise<RefusalReasonRow> {
  assertAdmin(o.actor, 'create')
  const r = o.reason
  const last = await o.trx
    .selectFrom('refusal_reasons')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst()
  const row = await o.trx
    .insertInto('refusal_reasons')
    .values({ code: r.code, name_en: r.nameEn, name_km: r.nameKm, position: Number(last?.max ?? 0) + 1 })
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('conflict', { reason: 'code_taken' })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'refusal_reason',
    recordId: r.code,
    details: { ...r, position: row.position },
  })
  return row
}

export async function updateRefusalReason(o: {
  trx: Tx
  actor: RequestActor
  code: string
  changes: { nameEn?: string; nameKm?: string; active?: boolean }
}): Promise<RefusalReasonRow> {
  assertAdmin(o.actor, 'update')
  const c = o.changes
  const row = await o.trx
    .updateTable('refusal_reasons')
    .set({ name_en: c.nameEn, name_km: c.nameKm, active: c.active })
    .where('code', '=', o.code)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'refusal_reason',
    recordId: o.code,
    details: { changes: c },
  })
  return row
}

/** Sets the order officers see: `codes` lists every reason, active or not, exactly once. */
export async function reorderRefusalReasons(o: {
  trx: Tx
  actor: RequestActor
  codes: readonly string[]
}): Promise<RefusalReasonRow[]> {
  assertAdmin(o.actor, 'update')
  const current = await o.trx.selectFrom('refusal_reasons').select('code').forUpdate().execute()
  const known = new Set(current.map((r) => r.code))
  const given = new Set(o.codes)
  if (given.size !== o.codes.length || given.size !== known.size || o.codes.some((c) => !known.has(c)))
    throw new AppError('validation_failed', {}, [
      { path: 'body.codes', code: 'posts.reasons.order_incomplete' },
    ])
  for (const [i, code] of o.codes.entries())
    await o.trx
      .updateTable('refusal_reasons')
      .set({ position: i + 1 })
      .where('code', '=', code)
      .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'reorder',
    resource: 'refusal_reason',
    details: { codes: o.codes },
  })
  return allRefusalReasons(o.trx)
}
