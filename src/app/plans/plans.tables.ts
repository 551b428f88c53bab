import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

/** Migration 0025: a plan, its nodes and indicators, yearly targets, and agencies' reported values. */
export interface PlanTable {
  id: string
  code: string
  title_en: string
  title_km: string
  start_year: number
  end_year: number
  illustrative: boolean
  on_track: number
  at_risk: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PlanNodeTable {
  id: string
  plan_id: string
  parent_id: string | null
  kind: 'pillar' | 'objective' | 'output' | 'activity'
  code: string
  title_en: string
  title_km: string
  responsible_agency: string | null
  supporting_agencies: string[]
  start_year: number | null
  end_year: number | null
  budget_source: string | null
  position: number
}

export interface PlanIndicatorTable {
  id: string
  plan_id: string
  node_id: string
  code: string
  name_en: string
  name_km: string
  definition_en: string
  definition_km: string
  unit: 'count' | 'percent' | 'days'
  direction: 'increase' | 'decrease'
  /** `reported`, or the key of a live source in `app/plans/indicator-sources.ts`. */
  source: string
  disaggregation: string[]
  baseline_year: number | null
  baseline_value: number | null
  verification_en: string
  verification_km: string
  gcm: number[]
  sdg: string[]
  position: number
}

export interface PlanTargetTable {
  indicator_id: string
  year: number
  value: number
}

export interface PlanReportTable {
  id: string
  indicator_id: string
  /** `YYYY` or `YYYY-Qn`. */
  period: string
  agency_code: string
  value: number
  note: string
  state: 'draft' | 'submitted' | 'returned' | 'approved'
  created_by: string
  created_at: Timestamp
  submitted_by: string | null
  submitted_at: Timestamp | null
  reviewed_by: string | null
  reviewed_at: Timestamp | null
  updated_at: Timestamp
}

export interface PlanEvidenceTable {
  id: string
  report_id: string
  file_name: string
  content_type: string
  size: number
  sha256: string
  bytes: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
}

export interface PlanCommentTable {
  id: string
  report_id: string
  author_id: string
  event: 'submit' | 'approve' | 'return' | null
  body: string
  created_at: Timestamp
}

export interface PlansTables {
  plans: PlanTable
  plan_nodes: PlanNodeTable
  plan_indicators: PlanIndicatorTable
  plan_targets: PlanTargetTable
  plan_reports: PlanReportTable
  plan_evidence: PlanEvidenceTable
  plan_comments: PlanCommentTable
}
