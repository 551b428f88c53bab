import type { RuleSet, RuleSetRecord, RuleSetStatus } from '../../domain/risk/index.ts'
import { fingerprint } from '../../domain/risk/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { RuleSetRow } from './risk.tables.ts'

export type HistoryEvent = RuleSetRecord['history'][number] | AppEvent

/** Steps kept in the history that the pure lifecycle does not model: they change no state. */
export interface AppEvent {
  action: 'seed' | 'create' | 'submit' | 'impact_check'
  actor: string
  at: string
  from: RuleSetStatus | null
  to: RuleSetStatus
}

/** The domain's view of a stored version: what `transition` decides on. */
export function toRecord(row: RuleSetRow): RuleSetRecord {
  return {
    ruleSet: row.rule_set as RuleSet,
    status: row.status as RuleSetStatus,
    authors: row.authors,
    reviewedBy: row.reviewed_by,
    reviewedFingerprint: row.reviewed_fingerprint,
    impactCheckedFingerprint: row.impact_checked_fingerprint,
    activatedBy: row.activated_by,
    history: row.history as RuleSetRecord['history'],
  }
}

/** Column values for a record after a lifecycle step; timestamps of the step are added by the caller. */
export function recordColumns(record: RuleSetRecord) {
  return {
    status: record.status,
    rule_set: JSON.stringify(record.ruleSet),
    name: record.ruleSet.name,
    fingerprint: fingerprint(record.ruleSet),
    authors: JSON.stringify(record.authors),
    reviewed_by: record.reviewedBy,
    reviewed_fingerprint: record.reviewedFingerprint,
    impact_checked_fingerprint: record.impactCheckedFingerprint,
    activated_by: record.activatedBy,
    history: JSON.stringify(record.history),
  }
}

export function findRuleSet(db: Executor, id: string): Promise<RuleSetRow | undefined> {
  return db.selectFrom('risk_rule_sets').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Locks the version for the rest of the transaction, so two reviewers cannot step it at once. */
export function lockRuleSet(db: Executor, id: string): Promise<RuleSetRow | undefined> {
  return db.selectFrom('risk_rule_sets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function lockActiveRuleSet(db: Executor): Promise<RuleSetRow | undefined> {
  return db
    .selectFrom('risk_rule_sets')
    .selectAll()
    .where('status', '=', 'active')
    .forUpdate()
    .executeTakeFirst()
}

/** Newest first, without the rule JSON: the list screen needs only the lifecycle facts. */
export function listRuleSets(db: Executor) {
  return db
    .selectFrom('risk_rule_sets')
    .select([
      'id',
      'version_id',
      'name',
      'status',
      'authors',
      'created_by',
      'created_at',
      'updated_at',
      'submitted_at',
      'reviewed_by',
      'activated_at',
      'retired_at',
      'fingerprint',
      'impact_checked_fingerprint',
    ])
    .orderBy('created_at', 'desc')
    .execute()
}

export async function versionIdTaken(db: Executor, versionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('risk_rule_sets')
    .select('id')
    .where('version_id', '=', versionId)
    .executeTakeFirst()
  return row !== undefined
}

/** The usernames behind user ids, for showing who wrote and approved a version (`system` stays as it is). */
export async function usernames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const uuids = [...new Set(ids.filter((i): i is string => !!i && /^[0-9a-f-]{36}$/i.test(i)))]
  const out = new Map<string, string>([['system', 'system']])
  if (uuids.length === 0) return out
  const rows = await db.selectFrom('users').select(['id', 'username']).where('id', 'in', uuids).execute()
  for (const r of rows) out.set(r.id, r.username)
  return out
}
