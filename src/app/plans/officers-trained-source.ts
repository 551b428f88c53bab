import { sql } from 'kysely'
import { periodsBetween } from '../../domain/plans/periods.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { IndicatorSource, LiveCell } from './indicator-sources.ts'

/**
 * "Officers trained" (issue 14 §1 ← §2): distinct Passage users whose training was completed in the period, read
 * from the training records (the definition of `officersTrained` in the training area: external participants are
 * not officers of the system). These are counts of the state's own staff, which training reports publish as they
 * are; no protected person is in them, so no cell is withheld. A period before the first completed training, or
 * not yet begun, has no data. Every quarter and year in one read: distinct users per quarter and per year
 * (grouping sets, since an officer trained twice in a year counts once in it).
 */
export const officersTrainedSource: IndicatorSource = async (o) => {
  const [first, counts] = await Promise.all([
    o.read
      .selectFrom('training_participants')
      .where('user_id', 'is not', null)
      .select(sql<string | null>`min(completed_on)::text`.as('first'))
      .executeTakeFirst(),
    sql<{ y: number; q: number | null; n: number }>`
      SELECT extract(year FROM completed_on)::int AS y, extract(quarter FROM completed_on)::int AS q,
        count(DISTINCT user_id)::int AS n
      FROM training_participants
      WHERE user_id IS NOT NULL AND completed_on >= ${o.from} AND completed_on <= ${o.to}
      GROUP BY GROUPING SETS ((extract(year FROM completed_on), extract(quarter FROM completed_on)),
        (extract(year FROM completed_on)))`.execute(o.read),
  ])
  const found = new Map(counts.rows.map((r) => [r.q === null ? String(r.y) : `${r.y}-Q${r.q}`, Number(r.n)]))
  const now = todayInCambodia()
  const out = new Map<string, LiveCell>()
  for (const p of [...periodsBetween(o.from, o.to, 'quarter'), ...periodsBetween(o.from, o.to, 'year')]) {
    if (!first?.first || p.to < first.first || p.from > now)
      out.set(p.key, { value: null, status: 'no_data' })
    else out.set(p.key, { value: found.get(p.key) ?? 0, status: 'published' })
  }
  return out
}
