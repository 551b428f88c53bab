/**
 * The plans API as the web sees it: response shapes of `/api/plans/*`. The server builds them in presenters;
 * the web imports them as types only.
 */

export type Progress = 'on_track' | 'at_risk' | 'off_track' | 'no_target' | 'no_data'
export type FigureStatus = 'published' | 'withheld' | 'no_data'

export interface PlanSummary {
  id: string
  code: string
  title: string
  startYear: number
  endYear: number
  illustrative: boolean
}

export interface PeriodFigure {
  period: string
  value: number | null
  status: FigureStatus
  target: number | null
  progress: Progress
}

export interface IndicatorProgress {
  id: string
  code: string
  nodeId: string
  name: string
  definition: string
  verification: string
  unit: 'count' | 'percent' | 'days'
  direction: 'increase' | 'decrease'
  /** `reported`, or a live source key. */
  source: string
  disaggregation: string[]
  baseline: { year: number; value: number } | null
  targets: { year: number; value: number }[]
  gcm: number[]
  sdg: string[]
  /** The year's four quarters, then the year itself. */
  figures: PeriodFigure[]
  /** Every quarter of the plan, for the trend chart. */
  trend: PeriodFigure[]
}

export interface NodeProgress {
  id: string
  parentId: string | null
  kind: 'pillar' | 'objective' | 'output' | 'activity'
  code: string
  title: string
  responsibleAgency: string | null
  supportingAgencies: string[]
  startYear: number | null
  endYear: number | null
  budgetSource: string | null
  progress: Progress
}

export interface AgencyProgress {
  agency: string
  name: string
  progress: Progress
  activities: Record<Progress, number>
}

export interface PlanDashboard {
  plan: PlanSummary & { thresholds: { onTrack: number; atRisk: number } }
  year: number
  nodes: NodeProgress[]
  indicators: IndicatorProgress[]
  agencies: AgencyProgress[]
  /** Live figures are exact only for readers who may see microdata; otherwise published under this threshold. */
  disclosure: { exact: boolean; threshold: number | null }
}

export interface ReportView {
  id: string
  indicatorId: string
  indicatorCode: string
  indicatorName: string
  unit: 'count' | 'percent' | 'days'
  period: string
  agency: string
  value: number
  note: string
  state: 'draft' | 'submitted' | 'returned' | 'approved'
  submittedAt: string | null
  reviewedAt: string | null
  evidence: { id: string; name: string; contentType: string; size: number }[]
  comments: { author: string; event: string | null; body: string; at: string }[]
}

/** `GET /api/plans/:id/structure`: the plan as its editor shows it, both languages side by side. */
/** A node as its editor and the demo seed give it. */
export interface NodeInput {
  parentId: string | null
  kind: NodeProgress['kind']
  code: string
  titleEn: string
  titleKm: string
  responsibleAgency: string | null
  supportingAgencies: string[]
  startYear: number | null
  endYear: number | null
  budgetSource: string | null
}

export interface IndicatorInput {
  nodeId: string
  code: string
  nameEn: string
  nameKm: string
  definitionEn: string
  definitionKm: string
  unit: IndicatorProgress['unit']
  direction: IndicatorProgress['direction']
  source: string
  disaggregation: string[]
  baselineYear: number | null
  baselineValue: number | null
  verificationEn: string
  verificationKm: string
  gcm: number[]
  sdg: string[]
}

export interface StructureNode extends NodeInput {
  id: string
}

export interface StructureIndicator extends IndicatorInput {
  id: string
  targets: { year: number; value: number }[]
  /** Agencies' reports against it, any state: while there are some it cannot be removed nor change unit or source. */
  reports: number
}

export interface PlanStructure {
  plan: { id: string; code: string; startYear: number; endYear: number }
  /** Whether the reader may edit it (administrators and NCCT planners). */
  mayEdit: boolean
  nodes: StructureNode[]
  indicators: StructureIndicator[]
  /** The live sources an indicator may read, and `reported`. */
  sources: string[]
  /** The SDG targets an indicator may link to (GCM objectives are 1–23). */
  sdgTargets: string[]
  agencies: { code: string; name: string }[]
}
