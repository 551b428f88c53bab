/**
 * The statistics API as the web dashboards see it: request and response shapes of `/api/statistics/*`.
 * The server validates with zod schemas built to these types; the web imports them as types only.
 */
import type { CellStatus } from '../../domain/statistics/suppression.ts'

/** `GET /api/statistics/catalog`: what can be asked. */
export interface StatisticsCatalog {
  measures: { id: string; labelKey: string; dimensions: string[] }[]
  /** Every dimension id with the values it can take where they are a closed list (posts, sexes, age bands…). */
  dimensions: {
    id: string
    labelKey: string
    needsUnit: boolean
    values?: { code: string; label: string }[]
  }[]
  indicators: { id: string; labelKey: string; definitionKey: string }[]
  /** Small-cell threshold applied to this user's views; null when the user may see exact counts. */
  suppressionThreshold: number | null
}

/** `POST /api/statistics/query`. */
export interface StatisticsQuery {
  measure: string
  /** Up to 4: `period:month`, `post`, `sex`, `ageBand`, `provinceOfReturn`… */
  dimensions: string[]
  /** Inclusive `YYYY-MM-DD` bounds. */
  from: string
  to: string
  /** Dimension id → allowed values (drill-down). */
  filters?: Record<string, string[]>
}

export interface StatisticsCell {
  /** Dimension name → value, or `*` for the total over that dimension. */
  key: Record<string, string>
  /** Null when withheld by disclosure control. */
  value: number | null
  status: CellStatus
}

/**
 * How current the figures are. Recorded crossings reach the rollups through a queue that a background job folds
 * (migration 0017); a view adds what is still queued, so the figures are exact as of `asOf` however far the job lags.
 */
export interface Freshness {
  /** The database's time when the figures were read: every change committed before it is counted. */
  asOf: string
  /** Crossing changes still queued, not yet folded into the rollups (already counted through the queue). */
  pending: number
  /** When the rollups last took in queued changes; null before the first fold. */
  foldedAt: string | null
}

export interface StatisticsResult {
  measure: string
  dimensions: string[]
  from: string
  to: string
  cells: StatisticsCell[]
  /** Display labels per dimension value, in the request's language. */
  labels: Record<string, Record<string, string>>
  disclosure: { threshold: number | null; suppressedCells: number }
  /** Always sent by the API; absent only in results built by hand (report tests). */
  freshness?: Freshness
}

/** What `POST /api/statistics/query` answers: a result that always says how fresh it is. */
export type StatisticsView = StatisticsResult & { freshness: Freshness }

/** `GET /api/statistics/indicators/:id?from&to&post` */
export interface IndicatorResult {
  id: string
  labelKey: string
  definitionKey: string
  unit: 'count' | 'percent' | 'days' | 'rate'
  from: string
  to: string
  /** The breakdown the definition asks for (e.g. sex × ageBand × exploitationForm for SDG 16.2.2). */
  dimensions: string[]
  cells: StatisticsCell[]
  labels: Record<string, Record<string, string>>
  disclosure: { threshold: number | null; suppressedCells: number }
  freshness: Freshness
}
