import { sql } from 'kysely'
import type { AggregateCell } from '../../domain/statistics/aggregate.ts'
import { daysInMonth } from '../../domain/statistics/calendar.ts'
import { perturbAggregate } from '../../domain/statistics/cell-key.ts'
import { type ResolvedDimension, resolveDimensions } from '../../domain/statistics/dimensions.ts'
import { periodKey, periodsBetween } from '../../domain/statistics/periods.ts'
import { suppressAggregate, TOTAL } from '../../domain/statistics/suppress-aggregate.ts'
import type { CellStatus } from '../../domain/statistics/suppression.ts'
import type { IndicatorRequest } from './indicators.ts'
import { LIVE_SOURCES, REFERRAL_COMPLETED, REFERRAL_NOT_WITHDRAWN } from './sources.ts'
import type { StatisticsCell } from './statistics.contract.ts'
import { countBy } from './statistics.repository.ts'
import { refuse, type StatisticsAccess, statisticsAccess } from './statistics-access.ts'

interface Scoped {
  access: StatisticsAccess
  from: string
  to: string
  post: string | undefined
}

/** Access, range (whole months under disclosure control) and post, checked as for a query. */
function scoped(o: IndicatorRequest): Scoped {
  const access = statisticsAccess(o.actor, 'view', o.threshold)
  const checked = periodsBetween(o.from, o.to, 'month')
  if (!checked.ok) refuse(checked.error, 'query.from')
  if (access.postCode && o.post && o.post !== access.postCode)
    refuse({ code: 'statistics.errors.postOutsideScope' }, 'query.post')
  const post = access.postCode ?? o.post
  if (access.threshold === null) return { access, from: o.from, to: o.to, post }
  const year = Number(o.to.slice(0, 4))
  const last = daysInMonth(year, Number(o.to.slice(5, 7)))
  return { access, from: `${o.from.slice(0, 7)}-01`, to: `${o.to.slice(0, 7)}-${last}`, post }
}

function dimensions(names: string[]): ResolvedDimension[] {
  const resolved = resolveDimensions(names)
  if (!resolved.ok) refuse(resolved.error)
  return resolved.value
}

const RANK: Record<CellStatus, number> = { published: 0, secondary: 1, primary: 2 }

/**
 * Referral completion rate: of the referrals made in each month (withdrawn ones left out), the percentage
 * completed so far. Numerators and denominators are perturbed as tables of their own, each with its margins,
 * and a rate is shown only where both are published.
 */
export async function referralCompletion(o: IndicatorRequest) {
  const s = scoped(o)
  const controlled = s.access.threshold !== null
  const threshold = s.access.threshold ?? 1
  // Under disclosure control a post's rates are a slice of the table of every post (see published-slice.ts).
  const names = controlled && s.post ? ['period:month', 'post'] : ['period:month']
  const dims = dimensions(names)
  const postFilter = !controlled && s.post ? dimensions(['post']) : []
  const base = {
    source: LIVE_SOURCES.referrals as NonNullable<(typeof LIVE_SOURCES)['referrals']>,
    dimensions: dims,
    filters: postFilter.map((dimension) => ({ dimension, values: [s.post ?? ''] })),
    from: s.from,
    to: s.to,
    ageBands: [],
  }
  const all = await countBy(o.read ?? o.trx, { ...base, where: REFERRAL_NOT_WITHDRAWN })
  const done = await countBy(o.read ?? o.trx, { ...base, where: REFERRAL_COMPLETED })
  const months = periodsBetween(s.from, s.to, 'month')
  const domains: Record<string, string[]> = { 'period:month': months.ok ? months.value : [] }
  if (controlled && s.post) domains.post = [s.post]
  // Numerators and denominators are each perturbed by their own records' keys, like any published count.
  const publish = (cells: AggregateCell[]) => {
    const table = controlled
      ? perturbAggregate({ ...all, cells }, { threshold, domains })
      : suppressAggregate({ ...all, cells }, { threshold, domains })
    if (!table.ok) refuse(table.error)
    return table.value
  }
  const denominators = publish(all.cells)
  const numerators = new Map(publish(done.cells).cells.map((c) => [JSON.stringify(c.key), c]))
  const cells = denominators.cells.flatMap((d): StatisticsCell[] => {
    const n = numerators.get(JSON.stringify(d.key))
    if (controlled && s.post && d.key.post !== s.post) return []
    const status = [d.status, n?.status ?? 'primary'].reduce((a, b) => (RANK[b] > RANK[a] ? b : a))
    // Two perturbed counts can put the numerator above its denominator: a share is never over 100 %.
    const value =
      d.count === null || n?.count == null || d.count === 0
        ? null
        : Math.min(100, Math.round((n.count / d.count) * 1000) / 10)
    return [{ key: { 'period:month': d.key['period:month'] ?? TOTAL }, value, status }]
  })
  return { cells, from: s.from, to: s.to, threshold: s.access.threshold }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/**
 * Time from identification to first assistance: for each person whose first identification found a protection
 * concern, the days from that identification to the first assistance recorded for them on or after it; the
 * median per quarter of identification. A median of fewer people than the threshold is withheld; medians do not
 * add up, so no cell can be worked out from the others.
 */
export async function medianDays(o: IndicatorRequest) {
  const s = scoped(o)
  const rows = (
    await sql<{ day: string; days: number }>`
      SELECT to_char((i.screened_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') AS day,
        extract(epoch FROM (fa.first - i.screened_at)) / 86400 AS days
      FROM (SELECT DISTINCT ON (person_id) * FROM protection_identifications
            WHERE outcome <> 'noProtectionConcern' ORDER BY person_id, screened_at, id) i
      JOIN LATERAL (SELECT min(a.provided_at) AS first FROM protection_assistance a
                    WHERE a.person_id = i.person_id AND a.provided_at >= i.screened_at) fa ON fa.first IS NOT NULL
      WHERE ${s.post ?? null}::text IS NULL OR i.post_code = ${s.post ?? null}`.execute(o.read ?? o.trx)
  ).rows.filter((r) => r.day >= s.from && r.day <= s.to)
  const quarters = periodsBetween(s.from, s.to, 'quarter')
  const groups = new Map<string, number[]>((quarters.ok ? quarters.value : []).map((q) => [q, []]))
  for (const r of rows) groups.get(periodKey(r.day, 'quarter'))?.push(Number(r.days))
  groups.set(
    TOTAL,
    rows.map((r) => Number(r.days)),
  )
  const threshold = s.access.threshold
  const cells = [...groups].map(([quarter, days]): StatisticsCell => {
    const key = { 'period:quarter': quarter }
    if (days.length === 0) return { key, value: null, status: 'published' }
    if (threshold !== null && days.length < threshold) return { key, value: null, status: 'primary' }
    return { key, value: Math.round(median(days) * 10) / 10, status: 'published' }
  })
  return { cells, from: s.from, to: s.to, threshold }
}
