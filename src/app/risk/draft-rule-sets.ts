import { randomUUID } from 'node:crypto'
import { createDraft, type RuleSet, transition } from '../../domain/risk/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import type { RuleSetRow } from './risk.tables.ts'
import { refusal, unwrapLifecycle } from './risk-errors.ts'
import { openForStep, saveStep, withEvent } from './rule-set-steps.ts'
import { findRuleSet, recordColumns, toRecord, versionIdTaken } from './rule-sets.repository.ts'

/** `passage-default-1` → `passage-default-2`, or the next number not yet used. */
async function nextVersionId(trx: Tx, from: string): Promise<string> {
  const stem = from.replace(/-\d+$/, '')
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`
    if (!(await versionIdTaken(trx, candidate))) return candidate
  }
}

/** A new draft, a copy of any version (usually the active one), under a new version id. */
export async function createRuleSetDraft(o: {
  trx: Tx
  actor: RequestActor
  fromId: string
  name?: string
}): Promise<RuleSetRow> {
  authorize(o.actor, 'create', 'rule_set')
  const base = await findRuleSet(o.trx, o.fromId)
  if (!base) throw new AppError('not_found')
  const versionId = await nextVersionId(o.trx, base.version_id)
  const ruleSet: RuleSet = { ...(base.rule_set as RuleSet), versionId, name: o.name ?? base.name }
  const now = new Date()
  const record = withEvent(unwrapLifecycle(createDraft(ruleSet, o.actor.id), o.actor), {
    action: 'create',
    actor: o.actor.id,
    at: now.toISOString(),
    from: null,
    to: 'draft',
  })
  const row = await o.trx
    .insertInto('risk_rule_sets')
    .values({
      id: randomUUID(),
      version_id: versionId,
      based_on: base.id,
      created_by: o.actor.id,
      created_at: now,
      updated_at: now,
      ...recordColumns(record),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'rule_set',
    recordId: row.id,
    details: { versionId, basedOn: base.version_id },
  })
  return row
}

/**
 * Saves new content into a draft. The engine validates all of it; any problem refuses the save with every
 * problem at its path, and nothing is written. Saving withdraws a submission for review.
 */
export async function editRuleSetDraft(o: {
  trx: Tx
  actor: RequestActor
  id: string
  ruleSet: unknown
}): Promise<RuleSetRow> {
  const row = await openForStep({ ...o, action: 'update' })
  const record = unwrapLifecycle(
    transition(toRecord(row), {
      action: 'edit',
      actor: o.actor.id,
      at: new Date().toISOString(),
      ruleSet: o.ruleSet as RuleSet,
    }),
    o.actor,
  )
  return saveStep({ ...o, row, record, step: 'edit', columns: { submitted_by: null, submitted_at: null } })
}

/** The authors say the draft is ready; a reviewer can approve only a submitted draft. */
export async function submitRuleSet(o: { trx: Tx; actor: RequestActor; id: string }): Promise<RuleSetRow> {
  const row = await openForStep({ ...o, action: 'update' })
  if (row.status !== 'draft')
    throw refusal('risk.lifecycle.not_allowed', { from: row.status, action: 'submit' })
  const now = new Date()
  const record = withEvent(toRecord(row), {
    action: 'submit',
    actor: o.actor.id,
    at: now.toISOString(),
    from: 'draft',
    to: 'draft',
  })
  return saveStep({
    ...o,
    row,
    record,
    step: 'submit',
    columns: { submitted_by: o.actor.id, submitted_at: now },
  })
}
