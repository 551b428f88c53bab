import type { Resource } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, type ErrorCode } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'

const AUDITED: readonly ErrorCode[] = ['forbidden', 'rule_violation', 'capacity_exhausted']

/**
 * Runs a protection write; when it is refused (no right, a rule of the workflow, no capacity) the change
 * has rolled back, and the attempt is then recorded in a transaction of its own, so it is audited
 * although nothing changed.
 */
export async function auditRefusal<T>(
  o: { db: Db; actor: RequestActor; attempted: string; resource: Resource; recordId: string | null },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof AppError && AUDITED.includes(err.code)) {
      await o.db.transaction().execute((trx) =>
        appendAudit(trx, auditActor(o.actor), {
          action: 'refused',
          resource: o.resource,
          recordId: o.recordId,
          details: { attempted: o.attempted, code: err.code, reasons: err.details.map((d) => d.code) },
        }),
      )
    }
    throw err
  }
}
