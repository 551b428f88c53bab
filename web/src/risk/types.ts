import type { ApiResult } from '../api/contract.ts'

/** The risk API's views, as the screens use them. */
export interface RuleSetSummary {
  id: string
  versionId: string
  name: string
  status: 'draft' | 'reviewed' | 'active' | 'retired'
  authors: string[]
  createdBy: string
  createdAt: string
  updatedAt: string
  submitted: boolean
  reviewedBy: string | null
  activatedAt: string | null
  retiredAt: string | null
  impactChecked: boolean
}

export type Condition = Record<string, unknown>

export interface Evidence {
  publisher: string
  title: string
  year: number
  url?: string
  supports: string
}

export interface IndicatorText {
  name: string
  description: string
  reason: string
}

export interface CatalogueEntry {
  id: string
  category: string
  weight: number
  action: string
  text: { en: IndicatorText; km: IndicatorText }
  evidence: Evidence[]
  inputs: string[]
  dependsOn: string[]
  condition: Condition
  questions: string[]
}

export interface RuleSetJson {
  versionId: string
  name: string
  indicators: (Record<string, unknown> & {
    id: string
    weight: number
    action: string
    condition: Condition
  })[]
  lists: Record<string, string[]>
  escalation: { minScore: number; action: string }[]
}

type ImpactCheck = NonNullable<ApiResult<'/api/risk/rule-sets/{id}', 'GET'>['impactCheck']>
/** An impact check's report, read from the generated contract. */
export type ImpactReport = ImpactCheck['report']
export type Breakdown = ImpactReport['byPost'][string]

export interface RuleSetDetail extends RuleSetSummary {
  basedOn: string | null
  activatedBy: string | null
  ruleSet: RuleSetJson
  catalogue: CatalogueEntry[]
  warnings: { code: string; path: string; params: Record<string, unknown> }[]
  impactCheck: ImpactCheck | null
  history: { action: string; actor: string; at: string; from: string | null; to: string }[]
}

export interface Hit {
  indicatorId: string
  category: string
  weight: number
  action: string
  name: string
  reason: string
  text: { name: Bilingual; reason: Bilingual }
}

export interface EvaluationView {
  id: string
  parentId: string | null
  supersededBy: string | null
  versionId: string
  score: number
  suggestedAction: string
  actions: string[]
  hits: Hit[]
  undetermined: string[]
  postCode: string | null
  evaluatedAt: string
  decision: { decision: string; note: string; decidedAt: string } | null
}

export interface Bilingual {
  en: string
  km: string
}

export interface Question {
  id: string
  text: Bilingual
  answerType: 'boolean' | 'enum' | 'number' | 'string'
  options: { value: string; label: Bilingual }[]
  askedBecause: { id: string; name: Bilingual }[]
  answer: string | number | boolean | null
}

export interface FieldInfo {
  path: string
  kind: 'boolean' | 'number' | 'enum' | 'string' | 'list'
  source: string
  values: string[]
  domain: string | null
  min: number | null
  max: number | null
  item: string | null
}

export interface Alert {
  id: string
  evaluationId: string
  agencyCode: string
  action: string
  postCode: string | null
  score: number
  note: string
  decision: string | null
  createdBy: string
  createdAt: string
  escalateAfterHours: number
  dueAt: string
  escalated: boolean
  hits: { indicatorId: string; category: string; text: { name: Bilingual; reason: Bilingual } }[]
  acknowledgement: { by: string; at: string; note: string } | null
}
