import type { ColumnType, Generated, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** JSON columns are written as text and read back parsed, on PGlite and PostgreSQL alike. */
type Json<T> = ColumnType<T, string, string>

/**
 * One version of a rule set. The rule JSON is kept whole (it is what was reviewed); the lifecycle facts the
 * screens filter on are columns beside it.
 */
export interface RuleSetTable {
  id: string
  version_id: string
  name: string
  status: string
  rule_set: Json<unknown>
  fingerprint: string
  /** User ids (or `system`) of everyone who wrote any of the content. */
  authors: Json<string[]>
  based_on: string | null
  submitted_by: string | null
  submitted_at: Timestamp | null
  reviewed_by: string | null
  reviewed_fingerprint: string | null
  reviewed_at: Timestamp | null
  impact_check: Json<unknown> | null
  impact_checked_fingerprint: string | null
  activated_by: string | null
  activated_at: Timestamp | null
  retired_at: Timestamp | null
  history: Json<unknown[]>
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface EvaluationTable {
  id: string
  /** The first evaluation of the crossing, when this one re-evaluates it after interview answers. */
  parent_id: string | null
  /** Set when a later evaluation of the same crossing replaced this one (the impact check skips it). */
  superseded_by: string | null
  rule_set_id: string
  version_id: string
  context: Json<unknown>
  score: number
  suggested_action: string
  hits: Json<unknown[]>
  undetermined: Json<string[]>
  actions: Json<string[]>
  agency_code: string
  post_code: string | null
  officer_id: string
  evaluated_at: Timestamp
  decision: string | null
  decision_note: string | null
  decided_by: string | null
  decided_at: Timestamp | null
  /** What the interview, secondary inspection or referral showed: the evidence each indicator is tuned on. */
  outcome: Generated<'confirmed' | 'not_confirmed' | null>
  outcome_note: Generated<string | null>
  outcome_by: Generated<string | null>
  outcome_at: Generated<Date | null>
}

export interface AlertTable {
  id: string
  evaluation_id: string
  agency_code: string
  action: string
  post_code: string | null
  score: number
  note: string
  created_by: string
  created_at: Timestamp
  acknowledged_by: string | null
  acknowledged_at: Timestamp | null
  acknowledgement_note: string | null
}

export interface AlertSettingTable {
  agency_code: string
  escalate_after_hours: number
  updated_at: Generated<Date>
}

export interface RiskTables {
  risk_rule_sets: RuleSetTable
  risk_evaluations: EvaluationTable
  risk_alerts: AlertTable
  risk_alert_settings: AlertSettingTable
}

export type RuleSetRow = Selectable<RuleSetTable>
export type EvaluationRow = Selectable<EvaluationTable>
export type AlertRow = Selectable<AlertTable>
