import { randomBytes } from 'node:crypto'
import {
  allowedPaths,
  consentRefusal,
  contentRefusal,
  isRefusal,
  minimise,
  ruleFor,
} from '../../domain/exchange/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db, Executor, Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { addTimeline } from '../protection/cases.repository.ts'
import { findAgreement } from './agreements.ts'
import { caseInReach, caseSource } from './case-source.ts'
import type { MessageRow } from './exchange.tables.ts'
import { refused, sendMessage } from './send-message.ts'

/** What a case worker does from a case: refer the person to a partner, or ask the partner to repatriate them. */
export const CASE_EXCHANGE_KINDS = ['referral', 'repatriation'] as const
export type CaseExchangeKind = (typeof CASE_EXCHANGE_KINDS)[number]
const EVENT: Record<CaseExchangeKind, string> = {
  referral: 'referred_to_partner',
  repatriation: 'repatriation_requested',
}
const TYPE = 'repatriation.referral' as const

interface FromCase {
  actor: RequestActor
  caseId: string
  agreementCode: string
  note: string | null
  bestInterestsDone: boolean
}

/**
 * The referral a case would send under an agreement, before anything is sent: the fields that would travel, the
 * fields the case holds that the agreement withholds, and the consent the agreement asks for. The case's content
 * is shown, so the preview is audited like a read of the case.
 */
export async function previewFromCase(o: FromCase & { db: Db }) {
  authorize(o.actor, 'create', 'exchange_message')
  return o.db.transaction().execute(async (trx) => {
    const kase = await caseInReach(trx, o.actor, o.caseId, 'read')
    const day = todayInCambodia()
    const agreement = await findAgreement(trx, o.agreementCode)
    const rule = ruleFor(agreement, TYPE, day)
    if (isRefusal(rule) || !agreement) throw refused(isRefusal(rule) ? rule : { reason: 'unknown_agreement' })
    const { source, consent } = await caseSource({
      db: trx,
      kase,
      actor: o.actor,
      day,
      note: o.note,
      bestInterestsDone: o.bestInterestsDone,
    })
    const m = minimise(TYPE, source, rule)
    const problem = contentRefusal(TYPE, m.content) ?? consentRefusal(rule, m.content, day)
    await appendAudit(trx, auditActor(o.actor), {
      action: 'preview',
      resource: 'case',
      recordId: kase.id,
      details: { agreement: agreement.code, fields: Object.keys(m.content), withheld: m.withheld },
    })
    return {
      agreement,
      consentRule: rule.consent,
      consent,
      content: m.content,
      withheld: m.withheld,
      allowed: [...allowedPaths(rule)].sort(),
      blocked: problem ? { reason: problem.reason, detail: problem.detail ?? null } : null,
    }
  })
}

/** The thread this case already has with `partner` (a repatriation request follows its referral), if any. */
async function threadWith(db: Executor, caseId: string, partner: string): Promise<string | null> {
  const events = await db
    .selectFrom('protection_case_events')
    .select('details')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'exchange')
    .orderBy('seq', 'desc')
    .execute()
  for (const e of events) {
    const d = e.details as { partner?: unknown; threadRef?: unknown }
    if (d.partner === partner && typeof d.threadRef === 'string') return d.threadRef
  }
  return null
}

/**
 * Sends the case's referral to the partner. The content is built here from the case, never from what the browser
 * sends, and only through the agreement's filter; the consent is the case's recorded consent. The case's timeline
 * notes it with the thread, so what comes back on that thread shows in the case.
 */
export async function sendFromCase(
  o: FromCase & { trx: Tx; kind: CaseExchangeKind },
): Promise<{ row: MessageRow; withheld: string[] }> {
  const { trx, actor } = o
  authorize(actor, 'create', 'exchange_message')
  const kase = await caseInReach(trx, actor, o.caseId, 'update')
  const agreement = await findAgreement(trx, o.agreementCode)
  const partner = agreement?.partner ?? ''
  const threadRef =
    (await threadWith(trx, kase.id, partner)) ??
    `KH-C${kase.number}-${randomBytes(3).toString('hex').toUpperCase()}`
  const { source } = await caseSource({
    db: trx,
    kase,
    actor,
    day: todayInCambodia(),
    note: o.note,
    bestInterestsDone: o.bestInterestsDone,
  })
  const sent = await sendMessage({
    trx,
    actor,
    agreementCode: o.agreementCode,
    type: TYPE,
    source,
    threadRef,
  })
  await addTimeline(trx, {
    caseId: kase.id,
    kind: 'exchange',
    event: EVENT[o.kind],
    by: actor.id,
    at: new Date(),
    details: {
      partner,
      threadRef,
      agreement: o.agreementCode,
      messageId: sent.row.id,
      withheld: sent.withheld,
    },
  })
  return sent
}
