import { can } from '../../domain/identity/policy.ts'
import { checkKFloor, kForExport } from '../../domain/protection/k-anonymity.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'

/**
 * The floor of every k-anonymous export (crossing microdata here, the HTCDS case export in protection): set
 * by an administrator, never below the hard minimum, and applied in each export's use case so that no route,
 * CLI or future caller can ask for less.
 */
export async function readKFloor(db: Executor): Promise<number> {
  const row = await db.selectFrom('disclosure_settings').select('k_floor').executeTakeFirst()
  return row?.k_floor ?? 11
}

/** The k an export runs with: the requester's if at least the floor, the floor when none is asked. */
export async function exportK(db: Executor, requested: number | undefined): Promise<number> {
  const floor = await readKFloor(db)
  const k = kForExport(requested, floor)
  if (!k.ok)
    throw new AppError('rule_violation', {}, [
      { path: 'query.k', code: k.error.code, params: k.error.params ?? {} },
    ])
  return k.value
}

function mayManage(actor: RequestActor, action: 'read' | 'update'): void {
  // A national setting: an administrator of one agency does not set it for every agency.
  if (!can(actor, action, 'disclosure_settings') || actor.scope !== 'national')
    throw new AppError('forbidden', { action, resource: 'disclosure_settings' })
}

export async function showKFloor(o: { db: Executor; actor: RequestActor }) {
  mayManage(o.actor, 'read')
  return { kFloor: await readKFloor(o.db) }
}

/** `PUT /api/statistics/settings/k-floor`: an administrator sets the floor, audited with the old and new value. */
export async function setKFloor(o: { trx: Tx; actor: RequestActor; kFloor: number }) {
  mayManage(o.actor, 'update')
  const floor = checkKFloor(o.kFloor)
  if (!floor.ok)
    throw new AppError('validation_failed', {}, [
      { path: 'body.kFloor', code: floor.error.code, params: floor.error.params ?? {} },
    ])
  const before = await readKFloor(o.trx)
  await o.trx
    .updateTable('disclosure_settings')
    .set({ k_floor: floor.value, updated_at: new Date(), updated_by: o.actor.id })
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'disclosure_settings',
    details: { kFloor: { from: before, to: floor.value } },
  })
  return { kFloor: floor.value }
}
