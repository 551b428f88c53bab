import { type Action, allowedScope, type Resource } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'

type Outcome<T> = { kind: 'ok'; value: T } | { kind: 'denied' } | { kind: 'missing' }

/**
 * Reads a sensitive record and writes the audit entry in the same transaction. A refused read is audited
 * too (`read_denied`), and that entry must survive the refusal, so the transaction commits first and the
 * 403 is thrown afterwards. A role without the right at all is refused before anything is loaded.
 */
export async function auditedRead<T>(o: {
  db: Db
  actor: RequestActor
  resource: Resource
  recordId: string | null
  action?: Action
  load: (trx: Tx) => Promise<T | undefined>
  /** Scope check on the loaded record (its agency). */
  allowed: (value: T) => boolean
  details?: (value: T) => Record<string, unknown>
}): Promise<T> {
  const who = auditActor(o.actor)
  const outcome = await o.db.transaction().execute(async (trx): Promise<Outcome<T>> => {
    const event = { resource: o.resource, recordId: o.recordId }
    const roleMay = allowedScope(o.actor, o.action ?? 'read', o.resource) !== null
    const value = roleMay ? await o.load(trx) : undefined
    if (roleMay && value === undefined) return { kind: 'missing' }
    if (value === undefined || !o.allowed(value)) {
      await appendAudit(trx, who, { ...event, action: 'read_denied' })
      return { kind: 'denied' }
    }
    await appendAudit(trx, who, { ...event, action: 'read', details: o.details?.(value) ?? {} })
    return { kind: 'ok', value }
  })
  if (outcome.kind === 'missing') throw new AppError('not_found')
  if (outcome.kind === 'denied') throw new AppError('forbidden', { action: 'read', resource: o.resource })
  return outcome.value
}
