import { type LifecycleCommand, transition } from '../../domain/risk/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import type { RequestActor } from '../identity/actor.ts'
import type { RuleSetRow } from './risk.tables.ts'
import { refusal, unwrapLifecycle } from './risk-errors.ts'
import { openForStep, saveStep } from './rule-set-steps.ts'
import { lockActiveRuleSet, toRecord } from './rule-sets.repository.ts'

type Step = { trx: Tx; actor: RequestActor; id: string }

function command(actor: RequestActor, action: Exclude<LifecycleCommand['action'], 'edit'>): LifecycleCommand {
  return { action, actor: actor.id, at: new Date().toISOString() }
}

/**
 * A second person approves a submitted draft. The engine refuses anyone who wrote part of it and re-validates the
 * content; the fingerprint it records makes any later change need a new review.
 */
export async function reviewRuleSet(o: Step): Promise<RuleSetRow> {
  const row = await openForStep({ ...o, action: 'approve' })
  if (row.status === 'draft' && !row.submitted_at) throw refusal('risk.lifecycle.not_submitted')
  const record = unwrapLifecycle(transition(toRecord(row), command(o.actor, 'review')), o.actor)
  return saveStep({ ...o, row, record, step: 'review', columns: { reviewed_at: new Date() } })
}

/** A reviewer sends a reviewed version back to its authors for changes. */
export async function returnRuleSetToDraft(o: Step): Promise<RuleSetRow> {
  const row = await openForStep({ ...o, action: 'approve' })
  const record = unwrapLifecycle(transition(toRecord(row), command(o.actor, 'return_to_draft')), o.actor)
  return saveStep({
    ...o,
    row,
    record,
    step: 'return_to_draft',
    columns: { reviewed_at: null, submitted_at: null, submitted_by: null },
  })
}

/**
 * Puts a reviewed, impact-checked version live and retires the one it replaces, in one transaction: evaluations
 * never see two active versions or none. A unique index backs this up across API processes.
 */
export async function activateRuleSet(o: Step): Promise<RuleSetRow> {
  const row = await openForStep({ ...o, action: 'approve' })
  const record = unwrapLifecycle(transition(toRecord(row), command(o.actor, 'activate')), o.actor)
  const current = await lockActiveRuleSet(o.trx)
  if (current && current.id !== row.id) {
    const retired = unwrapLifecycle(transition(toRecord(current), command(o.actor, 'retire')), o.actor)
    await saveStep({
      ...o,
      row: current,
      record: retired,
      step: 'retire',
      columns: { retired_at: new Date() },
      details: { replacedBy: row.version_id },
    })
  }
  return saveStep({
    ...o,
    row,
    record,
    step: 'activate',
    columns: { activated_at: new Date() },
    details: { replaces: current?.version_id ?? null },
  })
}

/** Takes the active version out of use without a successor: evaluations then report that none is active. */
export async function retireRuleSet(o: Step): Promise<RuleSetRow> {
  const row = await openForStep({ ...o, action: 'approve' })
  const record = unwrapLifecycle(transition(toRecord(row), command(o.actor, 'retire')), o.actor)
  return saveStep({ ...o, row, record, step: 'retire', columns: { retired_at: new Date() } })
}
