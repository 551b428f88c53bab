import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { auditActor, type RequestActor } from './actor.ts'
import { deleteSession } from './sessions.repository.ts'

export async function signOut(o: { trx: Tx; actor: RequestActor; sessionHash: string }): Promise<void> {
  await deleteSession(o.trx, o.sessionHash)
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'sign_out',
    resource: 'session',
    recordId: o.actor.id,
  })
}
