import { can, POLICY } from '../../domain/identity/policy.ts'
import { PROTECTION_ROLES } from '../../domain/identity/roles.ts'
import type { WorkflowPolicy } from '../../domain/protection/case-guards.ts'
import { applyCaseCommand, type CaseCommand } from '../../domain/protection/case-workflow.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { addTimeline, caseRecordOf, lockCase, saveCaseRecord } from './cases.repository.ts'
import type { CaseRow } from './protection.tables.ts'
import { domainActor, unwrap } from './protection-actor.ts'

/** Supervisors are whoever the policy table lets approve cases, so the two can never disagree. */
export const WORKFLOW_POLICY: WorkflowPolicy = {
  supervisorRoles: [
    ...new Set(POLICY.filter((g) => g.resource === 'case' && g.action === 'approve').map((g) => g.role)),
  ],
}

async function assertCaseWorker(trx: Tx, userId: string, agencyCode: string) {
  const user = await trx
    .selectFrom('users')
    .select(['role', 'agency_code', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst()
  const fit =
    user && !user.disabled && user.agency_code === agencyCode && PROTECTION_ROLES.some((r) => r === user.role)
  if (!fit) throw new AppError('validation_failed', {}, [{ path: 'body.caseWorkerId', code: 'not_found' }])
}

/**
 * Applies one step of the case workflow (assignment, assessment, plan, approvals, monitoring, closure,
 * transfer, reopening) through the domain's transition table and guards, and records it on the timeline.
 */
export async function changeCase(o: {
  trx: Tx
  actor: RequestActor
  caseId: string
  command: CaseCommand
}): Promise<CaseRow> {
  const row = await lockCase(o.trx, o.caseId)
  if (!row) throw new AppError('not_found')
  const record = caseRecordOf(row)
  // The receiving agency answers a transfer; everything else is done within the case's own agency.
  const agencyCode =
    record.pending?.kind === 'transfer' &&
    (o.command.type === 'acceptTransfer' || o.command.type === 'declineTransfer')
      ? record.pending.toAgencyId
      : row.agency_code
  if (!can(o.actor, 'update', 'case', { agencyCode })) throw new AppError('forbidden')
  if (o.command.type === 'assign') await assertCaseWorker(o.trx, o.command.caseWorkerId, row.agency_code)
  if (o.command.type === 'requestTransfer') {
    const agency = await o.trx
      .selectFrom('agencies')
      .select('code')
      .where('code', '=', o.command.toAgencyId)
      .executeTakeFirst()
    if (!agency)
      throw new AppError('validation_failed', {}, [{ path: 'body.toAgencyId', code: 'unknown_agency' }])
  }
  const at = new Date()
  const t = unwrap(
    applyCaseCommand(record, o.command, domainActor(o.actor), at.toISOString(), WORKFLOW_POLICY),
  )
  const saved = await saveCaseRecord(o.trx, row.id, t.record, at)
  if (t.event === 'acceptTransfer') {
    await o.trx
      .updateTable('protection_persons')
      .set({ agency_code: t.record.agencyId })
      .where('id', '=', row.person_id)
      .execute()
  }
  const { type: _type, ...details } = o.command
  await addTimeline(o.trx, {
    caseId: row.id,
    kind: 'transition',
    event: t.event,
    from: t.from,
    to: t.to,
    by: o.actor.id,
    at,
    details,
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: t.event,
    resource: 'case',
    recordId: row.id,
    details: { from: t.from, to: t.to },
  })
  return saved
}
