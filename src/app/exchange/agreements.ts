import { randomUUID } from 'node:crypto'
import { type Agreement, agreementProblems, type TypeRule } from '../../domain/exchange/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import type { AgreementRow } from './exchange.tables.ts'

export function toAgreement(r: AgreementRow): Agreement {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    legal: r.legal,
    partner: r.partner_code,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    rules: r.rules as Agreement['rules'],
  }
}

export async function findAgreement(db: Executor, code: string): Promise<Agreement | null> {
  const row = await db
    .selectFrom('exchange_agreements')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst()
  return row ? toAgreement(row) : null
}

export async function listAgreements(o: { db: Executor; actor: RequestActor }): Promise<AgreementRow[]> {
  authorize(o.actor, 'read', 'exchange_agreement')
  return o.db.selectFrom('exchange_agreements').selectAll().orderBy('code').execute()
}

export interface AgreementInput {
  code: string
  title: string
  legal: { title: string; date: string; article: string }
  partner: string
  validFrom: string
  validUntil: string
  rules: Partial<Record<string, TypeRule>>
  demo?: boolean
}

/**
 * Creates or replaces an agreement by its code (both parties hold it under the same code). Refused when it names
 * a field a message type does not have or a partner that is not a known authority: an agreement must mean
 * exactly what the code will enforce.
 */
export async function saveAgreement(o: {
  trx: Tx
  actor: RequestActor | null
  agreement: AgreementInput
}): Promise<AgreementRow> {
  if (o.actor) authorize(o.actor, 'update', 'exchange_agreement')
  const a = o.agreement
  const problems = agreementProblems({ ...a, id: '', rules: a.rules })
  if (problems.length)
    throw new AppError(
      'validation_failed',
      {},
      problems.map((p) => ({
        path: 'body',
        code: 'exchange.errors.agreement_problem',
        params: { problem: p },
      })),
    )
  const partner = await o.trx
    .selectFrom('exchange_authorities')
    .select(['code', 'is_self'])
    .where('code', '=', a.partner)
    .executeTakeFirst()
  if (!partner || partner.is_self)
    throw new AppError('validation_failed', {}, [
      { path: 'body.partner', code: 'exchange.errors.unknown_partner' },
    ])
  const values = {
    title: a.title,
    legal: JSON.stringify(a.legal),
    partner_code: a.partner,
    valid_from: a.validFrom,
    valid_until: a.validUntil,
    rules: JSON.stringify(a.rules),
    updated_at: new Date(),
  }
  const row = await o.trx
    .insertInto('exchange_agreements')
    .values({ id: randomUUID(), code: a.code, demo: a.demo ?? false, ...values })
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow()
  if (o.actor)
    await appendAudit(o.trx, auditActor(o.actor), {
      action: 'update',
      resource: 'exchange_agreement',
      recordId: row.id,
      details: {
        code: row.code,
        partner: row.partner_code,
        validUntil: row.valid_until,
        types: Object.keys(a.rules),
      },
    })
  return row
}
