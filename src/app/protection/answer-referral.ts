import { can } from '../../domain/identity/policy.ts'
import { applyReferralCommand, type ReferralCommand } from '../../domain/protection/referral-workflow.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { addTimeline } from './cases.repository.ts'
import { openCase } from './open-case.ts'
import type { ReferralRow } from './protection.tables.ts'
import { domainActor, json, unwrap } from './protection-actor.ts'
import { toOrganisation } from './provider.presenter.ts'
import { changeOccupancy, lockProvider } from './providers.repository.ts'
import { lockReferral, toDomainReferral } from './referrals.repository.ts'

/**
 * Accept, decline or complete (the receiving agency) or withdraw (the referring one). Accepting re-checks
 * capacity, takes a shelter bed and opens a case when the referral came from the border; completing frees
 * the bed.
 */
export async function answerReferral(o: {
  trx: Tx
  actor: RequestActor
  referralId: string
  command: ReferralCommand
}): Promise<ReferralRow> {
  const row = await lockReferral(o.trx, o.referralId)
  if (!row) throw new AppError('not_found')
  const withdraw = o.command.type === 'withdraw'
  const allowed = withdraw
    ? can(o.actor, 'create', 'referral', { agencyCode: row.from_agency, postCode: row.from_post })
    : can(o.actor, 'update', 'referral', { agencyCode: row.to_agency })
  if (!allowed) throw new AppError('forbidden')
  const provider = (await lockProvider(o.trx, row.provider_id))!
  const at = new Date()
  const next = unwrap(
    applyReferralCommand(
      toDomainReferral(row),
      o.command,
      domainActor(o.actor),
      at.toISOString(),
      toOrganisation(provider),
    ),
  )
  const shelter = next.services.includes('shelter')
  if (o.command.type === 'accept' && shelter) await changeOccupancy(o.trx, provider.id, 1)
  if (o.command.type === 'complete' && shelter) await changeOccupancy(o.trx, provider.id, -1)
  let caseId = row.case_id
  if (o.command.type === 'accept' && !caseId) {
    const opened = await openCase({
      trx: o.trx,
      actor: o.actor,
      personId: row.person_id,
      referralId: row.id,
      at,
    })
    caseId = opened.id
  }
  const updated = await o.trx
    .updateTable('protection_referrals')
    .set({
      state: next.state,
      steps: json(next.steps),
      case_id: caseId,
      ...(o.command.type === 'complete' ? { completed_at: at } : { answered_at: at }),
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  if (caseId) {
    await addTimeline(o.trx, {
      caseId,
      kind: 'referral',
      event: o.command.type,
      by: o.actor.id,
      at,
      details: { referralId: row.id, providerId: provider.id, ...next.steps[o.command.type] },
    })
  }
  await appendAudit(o.trx, auditActor(o.actor), {
    action: o.command.type,
    resource: 'referral',
    recordId: row.id,
    details: { from: row.state, to: next.state, ...(caseId && !row.case_id ? { openedCase: caseId } : {}) },
  })
  return updated
}
