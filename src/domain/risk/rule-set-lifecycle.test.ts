import { describe, expect, it } from 'vitest'
import {
  createDraft,
  LIFECYCLE_ACTIONS,
  type LifecycleCommand,
  type LifecycleResult,
  RULE_SET_STATUSES,
  type RuleSetRecord,
  type RuleSetStatus,
  recordImpactCheck,
  TRANSITIONS,
  transition,
} from './rule-set-lifecycle.ts'
import { indicator, ruleSet } from './test-factories.ts'

const at = '2025-03-01T08:00:00Z'
const AUTHOR = 'analyst.sokha'
const REVIEWER = 'chief.dara'

function ok(result: LifecycleResult): RuleSetRecord {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}`)
  return result.record
}

function draft(): RuleSetRecord {
  return ok(createDraft(ruleSet([indicator()]), AUTHOR))
}

/** A record in the given state, reached by the legal path, with the impact check done. */
function recordIn(status: RuleSetStatus): RuleSetRecord {
  let r = recordImpactCheck(draft())
  if (status === 'draft') return r
  r = ok(transition(r, { action: 'review', actor: REVIEWER, at }))
  if (status === 'reviewed') return r
  r = ok(transition(r, { action: 'activate', actor: REVIEWER, at }))
  if (status === 'active') return r
  return ok(transition(r, { action: 'retire', actor: REVIEWER, at }))
}

function command(action: (typeof LIFECYCLE_ACTIONS)[number], record: RuleSetRecord): LifecycleCommand {
  if (action === 'edit') return { action, actor: AUTHOR, at, ruleSet: record.ruleSet }
  return { action, actor: REVIEWER, at }
}

describe('rule-set lifecycle', () => {
  describe.each(RULE_SET_STATUSES)('from %s', (from) => {
    it.each(LIFECYCLE_ACTIONS)('allows %s exactly when the transition table has it', (action) => {
      const record = recordIn(from)
      const result = transition(record, command(action, record))
      const expected = TRANSITIONS[from][action]
      if (expected) {
        expect(result.ok).toBe(true)
        expect(ok(result).status).toBe(expected)
        expect(ok(result).history.at(-1)).toEqual({
          action,
          actor: command(action, record).actor,
          at,
          from,
          to: expected,
        })
      } else {
        expect(result).toEqual({
          ok: false,
          error: { code: 'risk.lifecycle.not_allowed', params: { from, action }, issues: [] },
        })
      }
    })
  })

  it('has draft → reviewed → active → retired as its only forward path', () => {
    expect(TRANSITIONS).toEqual({
      draft: { edit: 'draft', review: 'reviewed' },
      reviewed: { return_to_draft: 'draft', activate: 'active' },
      active: { retire: 'retired' },
      retired: {},
    })
  })

  it('never activates a rule set that was not reviewed', () => {
    const r = recordImpactCheck(draft())
    expect(transition(r, { action: 'activate', actor: REVIEWER, at })).toMatchObject({
      ok: false,
      error: { code: 'risk.lifecycle.not_allowed' },
    })
  })

  it('refuses a review or an activation by an author of the rule set', () => {
    const r = recordImpactCheck(draft())
    expect(transition(r, { action: 'review', actor: AUTHOR, at })).toMatchObject({
      ok: false,
      error: { code: 'risk.lifecycle.author_cannot_approve', params: { actor: AUTHOR, action: 'review' } },
    })
    const edited = ok(transition(r, { action: 'edit', actor: 'analyst.vannak', at, ruleSet: r.ruleSet }))
    expect(edited.authors).toEqual([AUTHOR, 'analyst.vannak'])
    const reviewed = ok(transition(recordImpactCheck(edited), { action: 'review', actor: REVIEWER, at }))
    expect(transition(reviewed, { action: 'activate', actor: 'analyst.vannak', at })).toMatchObject({
      ok: false,
      error: { code: 'risk.lifecycle.author_cannot_approve' },
    })
  })

  it('refuses to activate content changed since the review', () => {
    const reviewed = recordIn('reviewed')
    reviewed.ruleSet.indicators[0]!.weight = 99
    expect(transition(reviewed, { action: 'activate', actor: REVIEWER, at })).toMatchObject({
      ok: false,
      error: { code: 'risk.lifecycle.changed_since_review' },
    })
  })

  it('refuses to activate before an impact check of the reviewed content', () => {
    const reviewed = ok(transition(draft(), { action: 'review', actor: REVIEWER, at }))
    expect(transition(reviewed, { action: 'activate', actor: REVIEWER, at })).toMatchObject({
      ok: false,
      error: { code: 'risk.lifecycle.impact_not_checked' },
    })
    const checked = recordImpactCheck(reviewed)
    expect(ok(transition(checked, { action: 'activate', actor: 'supervisor.kim', at })).activatedBy).toBe(
      'supervisor.kim',
    )
  })

  it('refuses to save invalid content, with the validation problems', () => {
    const r = draft()
    const bad = ruleSet([indicator({ weight: 0 })])
    const result = transition(r, { action: 'edit', actor: AUTHOR, at, ruleSet: bad })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'risk.lifecycle.invalid_rule_set', params: { count: 1 } },
    })
    expect(result.ok ? [] : result.error.issues.map((i) => i.code)).toEqual(['risk.rule.bad_weight'])
    expect(createDraft(bad, AUTHOR)).toMatchObject({
      ok: false,
      error: { code: 'risk.lifecycle.invalid_rule_set' },
    })
  })

  it('keeps the version id of a record fixed', () => {
    const r = draft()
    const renamed = { ...r.ruleSet, versionId: 'other' }
    expect(transition(r, { action: 'edit', actor: AUTHOR, at, ruleSet: renamed })).toMatchObject({
      ok: false,
      error: { code: 'risk.lifecycle.version_changed' },
    })
  })

  it('forgets the review when sent back to draft', () => {
    const back = ok(transition(recordIn('reviewed'), { action: 'return_to_draft', actor: REVIEWER, at }))
    expect([back.status, back.reviewedBy, back.reviewedFingerprint]).toEqual(['draft', null, null])
  })
})
