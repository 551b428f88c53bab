import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'

export interface IndicatorOutcomes {
  indicatorId: string
  nameEn: string
  nameKm: string
  hits: number
  confirmed: number
  notConfirmed: number
  /** Confirmed among the hits whose outcome is known; null until one is. */
  precision: number | null
}

export interface WeeklyTriggers {
  week: string
  postCode: string | null
  evaluations: number
  flagged: number
  hits: number
}

export interface AnalysisFilter {
  from: Date
  to: Date
  /** Set for a post chief: only their post. */
  postCode?: string
}

/**
 * Triggered indicators and their confirmed outcomes, from the current evaluation of each crossing. The hits are
 * stored as JSON on the evaluation, so one `jsonb_array_elements` pass counts them on PostgreSQL and PGlite alike.
 */
export async function indicatorOutcomes(db: Executor, f: AnalysisFilter): Promise<IndicatorOutcomes[]> {
  const post = f.postCode ? sql`AND e.post_code = ${f.postCode}` : sql``
  const { rows } = await sql<{
    indicator_id: string
    name_en: string
    name_km: string
    hits: number
    confirmed: number
    not_confirmed: number
  }>`
    SELECT h->>'indicatorId' AS indicator_id,
           max(h->'name'->>'en') AS name_en,
           max(h->'name'->>'km') AS name_km,
           count(*)::int AS hits,
           count(*) FILTER (WHERE e.outcome = 'confirmed')::int AS confirmed,
           count(*) FILTER (WHERE e.outcome = 'not_confirmed')::int AS not_confirmed
    FROM risk_evaluations e, jsonb_array_elements(e.hits) AS h
    WHERE e.superseded_by IS NULL AND e.evaluated_at >= ${f.from} AND e.evaluated_at < ${f.to} ${post}
    GROUP BY 1
    ORDER BY hits DESC, indicator_id`.execute(db)
  return rows.map((r) => {
    const known = r.confirmed + r.not_confirmed
    return {
      indicatorId: r.indicator_id,
      nameEn: r.name_en,
      nameKm: r.name_km,
      hits: r.hits,
      confirmed: r.confirmed,
      notConfirmed: r.not_confirmed,
      precision: known > 0 ? r.confirmed / known : null,
    }
  })
}

export async function weeklyTriggers(db: Executor, f: AnalysisFilter): Promise<WeeklyTriggers[]> {
  const post = f.postCode ? sql`AND post_code = ${f.postCode}` : sql``
  const { rows } = await sql<{
    week: string
    post_code: string | null
    evaluations: number
    flagged: number
    hits: number
  }>`
    SELECT date_trunc('week', evaluated_at AT TIME ZONE 'Asia/Phnom_Penh')::date AS week, post_code,
           count(*)::int AS evaluations,
           count(*) FILTER (WHERE jsonb_array_length(hits) > 0)::int AS flagged,
           coalesce(sum(jsonb_array_length(hits)), 0)::int AS hits
    FROM risk_evaluations
    WHERE superseded_by IS NULL AND evaluated_at >= ${f.from} AND evaluated_at < ${f.to} ${post}
    GROUP BY 1, 2
    ORDER BY 1, 2`.execute(db)
  return rows.map((r) => ({
    week: r.week,
    postCode: r.post_code,
    evaluations: r.evaluations,
    flagged: r.flagged,
    hits: r.hits,
  }))
}
