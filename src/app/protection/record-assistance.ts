import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { recordServiceDelivered } from '../../domain/protection/case-workflow.ts'
import type { ServiceType } from '../../domain/protection/organisation.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { addTimeline, caseRecordOf, lockCase, saveCaseRecord } from './cases.repository.ts'
import type { AssistanceRow } from './protection.tables.ts'
import { unwrap } from './protection-actor.ts'
import { findReferral } from './referrals.repository.ts'

/**
 * Assistance given — what, when, by whom: immediate assistance on an accepted referral (shelter, food,
 * medical care at the transit centre) or a service delivered in a case, which counts toward monitoring.
 */
export async function recordAssistance(o: {
  trx: Tx
  actor: RequestActor
  caseId: string | null
  referralId: string | null
  service: ServiceType
  note: string
  providedAt: Date | null
}): Promise<AssistanceRow> {
  const referral = o.referralId ? await findReferral(o.trx, o.referralId) : undefined
  if (o.referralId && !referral) throw new AppError('not_found')
  // The receiving agency's right comes first, so a referral's state is told to no one else.
  if (referral && !can(o.actor, 'update', 'referral', { agencyCode: referral.to_agency }))
    throw new AppError('forbidden')
  if (referral && referral.state !== 'accepted' && referral.state !== 'completed')
    throw new AppError('rule_violation', {}, [
      { code: 'cases.errors.referralNotAccepted', params: { state: referral.state } },
    ])
  const caseId = o.caseId ?? referral?.case_id ?? null
  const row = caseId ? await lockCase(o.trx, caseId) : undefined
  if (!row) throw new AppError('not_found')
  if (!can(o.actor, 'update', 'case', { agencyCode: row.agency_code })) throw new AppError('forbidden')
  const at = new Date()
  const providedAt = o.providedAt ?? at
  const record = unwrap(recordServiceDelivered(caseRecordOf(row)))
  await saveCaseRecord(o.trx, row.id, record, at)
  const id = randomUUID()
  const assistance = await o.trx
    .insertInto('protection_assistance')
    .values({
      id,
      person_id: row.person_id,
      case_id: row.id,
      referral_id: referral?.id ?? null,
      service: o.service,
      note: o.note,
      provided_by: o.actor.id,
      provided_at: providedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await addTimeline(o.trx, {
    caseId: row.id,
    kind: 'service',
    event: o.service,
    by: o.actor.id,
    at: providedAt,
    details: { assistanceId: id, note: o.note, ...(referral ? { referralId: referral.id } : {}) },
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'record_assistance',
    resource: 'case',
    recordId: row.id,
    details: { assistanceId: id },
  })
  return assistance
}
