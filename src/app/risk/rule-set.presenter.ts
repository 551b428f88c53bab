import { indicatorCatalogue, type RuleSet, validateRuleSet } from '../../domain/risk/index.ts'
import type { RuleSetRow } from './risk.tables.ts'
import type { StoredImpactCheck } from './run-impact-check.ts'

type Names = Map<string, string>
const who = (names: Names, id: string | null) => (id ? (names.get(id) ?? id) : null)
const iso = (d: Date | null) => (d ? d.toISOString() : null)

type SummaryRow = Pick<
  RuleSetRow,
  | 'id'
  | 'version_id'
  | 'name'
  | 'status'
  | 'authors'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
  | 'submitted_at'
  | 'reviewed_by'
  | 'activated_at'
  | 'retired_at'
  | 'fingerprint'
  | 'impact_checked_fingerprint'
>

/** A version as listed: who wrote and approved it and where it stands, never the rule JSON. */
export function presentRuleSetSummary(r: SummaryRow, names: Names) {
  return {
    id: r.id,
    versionId: r.version_id,
    name: r.name,
    status: r.status,
    authors: r.authors.map((a) => who(names, a)!),
    createdBy: who(names, r.created_by)!,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    submitted: r.submitted_at !== null,
    reviewedBy: who(names, r.reviewed_by),
    activatedAt: iso(r.activated_at),
    retiredAt: iso(r.retired_at),
    /** The impact check was run on the content as it stands now. */
    impactChecked: r.impact_checked_fingerprint === r.fingerprint,
  }
}

/** A whole version: the rule JSON (for the editor), its catalogue, warnings, impact check and history. */
export function presentRuleSet(r: RuleSetRow, names: Names) {
  const ruleSet = r.rule_set as RuleSet
  const impact = r.impact_check as StoredImpactCheck | null
  const history = r.history as {
    action: string
    actor: string
    at: string
    from: string | null
    to: string
  }[]
  return {
    ...presentRuleSetSummary(r, names),
    basedOn: r.based_on,
    activatedBy: who(names, r.activated_by),
    ruleSet,
    catalogue: indicatorCatalogue(ruleSet),
    warnings: validateRuleSet(ruleSet).warnings,
    impactCheck: impact
      ? {
          ...impact,
          ranBy: who(names, impact.ranBy)!,
          current: impact.fingerprint === r.fingerprint,
        }
      : null,
    history: history.map((h) => ({ ...h, actor: who(names, h.actor)! })),
  }
}

/** Every user id a version mentions, to resolve to usernames in one query. */
export function ruleSetActors(r: Partial<RuleSetRow>): (string | null)[] {
  const impact = r.impact_check as StoredImpactCheck | null | undefined
  const history = (r.history ?? []) as { actor: string }[]
  return [
    ...(r.authors ?? []),
    r.created_by ?? null,
    r.reviewed_by ?? null,
    r.activated_by ?? null,
    impact?.ranBy ?? null,
    ...history.map((h) => h.actor),
  ]
}
