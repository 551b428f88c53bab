import type { Action, Category } from './actions.ts'

/**
 * The rule language: structured JSON conditions, stored as data and compiled to closures (`compile.ts`); never
 * parsed as code. Evaluation is three-valued: a comparison with an unknown fact is unknown, `all`/`any`/`not`
 * follow Kleene logic, and an indicator triggers only when its condition is definitely true.
 */
export type Scalar = string | number | boolean

export const COMPARISONS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const
export type Comparison = (typeof COMPARISONS)[number]

export type Condition =
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  /** Compare a field with a constant. */
  | { field: string; op: Comparison; value: Scalar }
  /** Compare a field with another field of the same type (e.g. stated purpose vs declared purpose). */
  | { field: string; op: Comparison; ref: string }
  | { field: string; op: 'in' | 'notIn'; values: readonly Scalar[] }
  /** Membership in a named list of the rule set (e.g. destinations with reported scam compounds). */
  | { field: string; op: 'inList' | 'notInList'; list: string }
  /** Inclusive range. */
  | { field: string; op: 'between'; min: number; max: number }
  /** Whether the fact is recorded at all; never unknown itself. */
  | { field: string; op: 'known' | 'unknown' }
  /** How many items of a list field (companions, recent crossings) satisfy `where`, compared with `value`. */
  | { count: string; where?: Condition; op: Comparison; value: number }
  /** The result of another indicator of the same rule set. */
  | { indicator: string }

export type FieldOperator =
  | Comparison
  | 'in'
  | 'notIn'
  | 'inList'
  | 'notInList'
  | 'between'
  | 'known'
  | 'unknown'

export interface IndicatorText {
  name: string
  description: string
  /** Plain-language reason shown with a hit; `{placeholders}` are the keys of `reasonParams`. */
  reason: string
}

/** A publication an indicator rests on, and what in it supports the indicator. */
export interface Evidence {
  publisher: string
  title: string
  year: number
  url?: string
  supports: string
}

export interface Indicator {
  id: string
  category: Category
  /** Points added to the score when the indicator triggers, 0 < weight ≤ 100. */
  weight: number
  action: Action
  condition: Condition
  /** Text is versioned with the rule, so the reason shown is the one that was reviewed. */
  text: { en: IndicatorText; km: IndicatorText }
  /** Placeholder name → field path whose value fills the reason (a list gives its length). */
  reasonParams?: Record<string, string>
  evidence: Evidence[]
  /** Interview question ids (`questions.ts`) to ask when the indicator triggers. */
  questions: string[]
}

/** Raise the suggested action to at least `action` once the score reaches `minScore`. */
export interface Escalation {
  minScore: number
  action: Action
}

export interface RuleSet {
  /** Recorded with every evaluation, so a decision can be traced to the exact rules that advised it. */
  versionId: string
  name: string
  indicators: Indicator[]
  lists: Record<string, string[]>
  escalation: Escalation[]
}

export const MAX_SCORE = 100
