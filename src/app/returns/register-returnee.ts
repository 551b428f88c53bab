import { randomUUID } from 'node:crypto'
import type { ReturneeInput } from '../../domain/returns/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { referToProtection } from '../protection/refer-to-protection.ts'
import { checkedReturnee } from './check-returnee.ts'
import { type ReferralRequest, referralOptions } from './returnee-referral.ts'
import { insertReturnee, postExists, returneeColumns } from './returns.repository.ts'
import type { ReturneeRow } from './returns.tables.ts'

/** Where a registration is made: a border officer's own post, or the post a social worker names. */
export async function registrationPost(
  trx: Tx,
  actor: RequestActor,
  postCode: string | null,
): Promise<string> {
  const post = postCode ?? actor.postCode
  if (!post)
    throw new AppError('validation_failed', {}, [
      { path: 'body.postCode', code: 'returns.errors.post_required' },
    ])
  authorize(actor, 'create', 'returnee', { postCode: post })
  if (!(await postExists(trx, post)))
    throw new AppError('validation_failed', {}, [
      { path: 'body.postCode', code: 'returns.errors.unknown_post' },
    ])
  return post
}

/**
 * Registers one returnee at a post and, when the officer asks, refers them to protection in the same transaction:
 * the referral records the person and their identification screening on the protection side, and a refused
 * referral (no consent, a full shelter) leaves no registration behind either.
 */
export async function registerReturnee(o: {
  trx: Tx
  actor: RequestActor
  postCode: string | null
  returnee: ReturneeInput
  referral: ReferralRequest | null
  /** A partner's return list received through the exchange: the list and the row the registration comes from. */
  source?: { listRef: string; listKey: string }
}): Promise<ReturneeRow & { referralProposed: boolean }> {
  const { trx, actor } = o
  const postCode = await registrationPost(trx, actor, o.postCode)
  const day = todayInCambodia()
  const { returnee, referralProposed } = await checkedReturnee(trx, o.returnee, day)
  const referral = o.referral
    ? await referToProtection({ trx, actor, ...referralOptions(returnee, o.referral, day) })
    : null
  const row = await insertReturnee(trx, {
    id: randomUUID(),
    post_code: postCode,
    registered_at: new Date(),
    registered_on: day,
    registered_by: actor.id,
    agency_code: actor.agencyCode,
    ...returneeColumns(returnee),
    referral_id: referral?.id ?? null,
    import_id: null,
    list_ref: o.source?.listRef ?? null,
    list_key: o.source?.listKey ?? null,
    updated_at: null,
    updated_by: null,
  })
  // No names in the audit details: administrators read the log, and returnees' identities are protection data.
  await appendAudit(trx, auditActor(actor), {
    action: 'create',
    resource: 'returnee',
    recordId: row.id,
    details: {
      postCode,
      returnType: row.return_type,
      triageFlags: row.triage_flags,
      needs: row.needs,
      groupId: row.group_id,
      referralId: row.referral_id,
      ...(o.source ? { listRef: o.source.listRef, listKey: o.source.listKey } : {}),
    },
  })
  return { ...row, referralProposed: referralProposed && !referral }
}
