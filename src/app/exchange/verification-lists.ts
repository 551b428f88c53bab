import { sql } from 'kysely'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db, Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import type { MessageRow } from './exchange.tables.ts'
import { sendMessage } from './send-message.ts'

export type VerificationResult = 'verified' | 'not_verified' | 'needs_interview'
export interface Answer {
  rowId: string
  result: VerificationResult
  office: string | null
}

type Row = Record<string, unknown>
const LIST = 'nationality.verification_list'
const ANSWERS = 'nationality.verification_answers'

async function listMessage(db: Executor, direction: 'in' | 'out', id: string): Promise<MessageRow> {
  const row = await db
    .selectFrom('exchange_messages')
    .selectAll()
    .where('id', '=', id)
    .where('direction', '=', direction)
    .where('type', '=', LIST)
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  return row
}

const rowsOf = (m: MessageRow) =>
  ((m.content.xch_Persons ?? []) as Row[]).filter((r) => typeof r.xch_RowId === 'string')

/** The latest answer to each row of a list: answers go the other way from the list, under its reference. */
async function answersTo(db: Executor, list: MessageRow): Promise<Map<string, Answer & { at: string }>> {
  const ref = list.content.xch_ListRef
  const found = new Map<string, Answer & { at: string }>()
  if (typeof ref !== 'string') return found
  const replies = await db
    .selectFrom('exchange_messages')
    .select(['content', 'sent_at'])
    .where('partner_code', '=', list.partner_code)
    .where('direction', '=', list.direction === 'in' ? 'out' : 'in')
    .where('type', '=', ANSWERS)
    .where(sql<string>`content->>'xch_ListRef'`, '=', ref)
    .orderBy('sent_at')
    .execute()
  for (const r of replies)
    for (const a of (r.content.xch_Answers ?? []) as Row[])
      if (typeof a.xch_RowId === 'string' && typeof a.xch_VerificationResult === 'string')
        found.set(a.xch_RowId, {
          rowId: a.xch_RowId,
          result: a.xch_VerificationResult as VerificationResult,
          office: typeof a.xch_VerifyingOffice === 'string' ? a.xch_VerifyingOffice : null,
          at: new Date(r.sent_at).toISOString(),
        })
  return found
}

/**
 * A nationality verification list with each person's answer so far (pending until answered). Reading it shows
 * personal data, so it is audited like reading a message.
 */
export async function readVerificationList(o: {
  db: Db
  actor: RequestActor
  direction: 'in' | 'out'
  id: string
}) {
  authorize(o.actor, 'read', 'exchange_message')
  return o.db.transaction().execute(async (trx) => {
    const list = await listMessage(trx, o.direction, o.id)
    const answers = await answersTo(trx, list)
    await appendAudit(trx, auditActor(o.actor), {
      action: 'read',
      resource: 'exchange_message',
      recordId: list.id,
      details: { partner: list.partner_code, type: LIST, direction: list.direction },
    })
    return {
      list,
      rows: rowsOf(list).map((r) => ({ person: r, answer: answers.get(r.xch_RowId as string) ?? null })),
    }
  })
}

/**
 * Answers rows of a list a partner sent: each row verified, not verified or needing an interview, sent back
 * under the list's agreement (minimised by it like any message). Every row answered must be on the list and
 * answered once in this reply; a row may be answered again later (an interview settles it).
 */
export async function answerVerificationList(o: {
  trx: Tx
  actor: RequestActor
  listId: string
  answers: Answer[]
}) {
  authorize(o.actor, 'create', 'exchange_message')
  const list = await listMessage(o.trx, 'in', o.listId)
  if (list.purged_at) throw new AppError('rule_violation', { reason: 'exchange_list_purged' })
  const known = new Set(rowsOf(list).map((r) => r.xch_RowId as string))
  const seen = new Set<string>()
  for (const [i, a] of o.answers.entries()) {
    if (!known.has(a.rowId) || seen.has(a.rowId))
      throw new AppError('validation_failed', {}, [
        {
          path: `body.answers.${i}.rowId`,
          code: `exchange.errors.${seen.has(a.rowId) ? 'row_answered_twice' : 'row_not_on_list'}`,
          params: { row: a.rowId },
        },
      ])
    seen.add(a.rowId)
  }
  return sendMessage({
    trx: o.trx,
    actor: o.actor,
    agreementCode: list.agreement_code,
    type: ANSWERS,
    source: {
      xch_ListRef: list.content.xch_ListRef,
      xch_Answers: o.answers.map((a) => ({
        xch_RowId: a.rowId,
        xch_VerificationResult: a.result,
        ...(a.office ? { xch_VerifyingOffice: a.office } : {}),
      })),
    },
    threadRef: null,
  })
}
