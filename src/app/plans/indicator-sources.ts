import { sql } from 'kysely'
import { can } from '../../domain/identity/policy.ts'
import { periodsBetween } from '../../domain/plans/periods.ts'
import type { AggregateCell } from '../../domain/statistics/aggregate.ts'
import { resolveDimension } from '../../domain/statistics/dimensions.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { RequestActor } from '../identity/actor.ts'
import { medianDays } from '../statistics/indicator-rates.ts'
import { publishTable, type StatisticsTable, statisticsTable } from '../statistics/query-statistics.ts'
import { LIVE_SOURCES, type Source } from '../statistics/sources.ts'
import { officersTrainedSource } from './officers-trained-source.ts'

/**
 * Live plan indicators, computed straight from the records that produce them through the statistics layer and
 * its disclosure control (DHIS2 stores a reported figure; Passage counts the identifications, referrals and hits
 * themselves). A registry: an indicator's `source` names one of these keys, or `reported` for agencies' values.
 */

/** One period's figure: a number, withheld by disclosure control, or no data (the records do not cover it). */
export type LiveCell =
  | { value: number; status: 'published' }
  | { value: null; status: 'withheld' }
  | { value: null; status: 'no_data' }

export interface SourceRequest {
  trx: Tx
  /** Where the figures are read (the read replica's handle, or the transaction). */
  read: Executor
  /** The actor the statistics layer judges: see `sourceActor`. */
  actor: RequestActor
  threshold: number
  /** Inclusive `YYYY-MM-DD` bounds of whole years. */
  from: string
  to: string
}

/** Period key (`2025`, `2025-Q3`) → figure, for every quarter and every year of the range that has one. */
export type IndicatorSource = (o: SourceRequest) => Promise<Map<string, LiveCell>>

/**
 * The year table made from the quarter table: each year's cell is its four quarters' counts and record-key sums
 * added (a record falls in exactly one quarter), so cell-key perturbation publishes exactly what a table read by
 * year would, from one read instead of two. Other dimensions (a definition's filter) are kept as they are.
 */
export function yearTableOf(quarters: StatisticsTable): StatisticsTable {
  const Q = 'period:quarter'
  const Y = 'period:year'
  const year = resolveDimension(Y)
  if (!year.ok) throw new Error(Y)
  const cells = new Map<string, AggregateCell>()
  for (const c of quarters.result.cells) {
    const key = { ...c.key, [Y]: (c.key[Q] ?? '').slice(0, 4) }
    delete (key as Record<string, string>)[Q]
    const id = JSON.stringify(Object.entries(key).sort())
    const known = cells.get(id)
    if (!known)
      cells.set(id, { key, count: c.count, ...(c.keySum === undefined ? {} : { keySum: c.keySum }) })
    else {
      known.count += c.count
      if (c.keySum !== undefined) known.keySum = (known.keySum ?? 0) + c.keySum
    }
  }
  const { [Q]: quarterDomain, ...domains } = quarters.domains
  return {
    ...quarters,
    dimensions: quarters.dimensions.map((d) => (d === Q ? Y : d)),
    result: {
      ...quarters.result,
      dimensions: quarters.result.dimensions.map((d) => (d.name === Q ? year.value : d)),
      cells: [...cells.values()],
    },
    domains: { ...domains, [Y]: [...new Set((quarterDomain ?? []).map((q) => q.slice(0, 4)))] },
  }
}

/**
 * Plan figures circulate to every partner, so they are published figures: what a national reader without
 * microdata access sees (cell-key perturbed, small counts withheld). Only a reader who may see exact counts on
 * screen (`statistics_microdata`, the NCCT analysts) gets exact ones, and that reading is audited like any
 * exact statistics view. The reader's own statistics rights do not widen what they see here.
 */
export function sourceActor(actor: RequestActor): { actor: RequestActor; exact: boolean } {
  if (can(actor, 'read', 'statistics_microdata')) return { actor, exact: true }
  return { actor: { ...actor, role: 'case_manager', scope: 'national', postCode: null }, exact: false }
}

/**
 * A plan source's monthly rollup (migration 0033): count and key sum per month, post and counted outcome, of the
 * rows its indicator counts, read with the queue not yet folded. Each figure reads O(months) rows, not every
 * record, and the key sums are the records' own, so cell-key perturbation publishes what it would over the rows.
 */
export function rolledUp(name: string): { source: Source; where: string } {
  return {
    source: {
      from: 'plan_source_months_now s LEFT JOIN points_of_entry poe ON poe.code = s.post_code',
      day: 's.month',
      weight: 's.count',
      key: 's.key_sum',
      grain: 'month',
      dims: {
        post: "NULLIF(s.post_code, '')",
        outcome: "NULLIF(s.outcome, '')",
        postProvince: 'poe.province_code',
      },
    },
    // A fixed name from this file, never a request value.
    where: `s.source = '${name}'`,
  }
}

/**
 * The first day a source has any record: periods wholly before it (or not begun) have no data, not 0. A rollup
 * answers with its first month whose records do not net to nothing; quarters begin on a month, so the same
 * periods come out.
 */
async function firstDay(read: Executor, source: Source, where?: string): Promise<string | null> {
  const conditions = [source.where, where].filter(Boolean).join(' AND ') || 'TRUE'
  const row =
    source.grain === 'month'
      ? await sql<{ first: string | null }>`
    SELECT min(day) AS first FROM (SELECT ${sql.raw(source.day)} AS day FROM ${sql.raw(source.from)}
      WHERE ${sql.raw(conditions)} GROUP BY 1 HAVING sum(${sql.raw(source.weight)}) <> 0) m`.execute(read)
      : await sql<{ first: string | null }>`
    SELECT min(${sql.raw(source.day)}) AS first FROM ${sql.raw(source.from)} WHERE ${sql.raw(conditions)}`.execute(
          read,
        )
  return row.rows[0]?.first ?? null
}

const cambodiaDay = (column: string) =>
  `to_char((${column} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')`

/**
 * Cross-border messages (issue 17's exchange) as a statistics source: each message sent or received counted on
 * the day it was sent, by outcome (`delivered`, `refused`, `pending` out; `applied` in). A message is one record
 * per direction (the same id can be both), so its record key is taken from the id and the direction together.
 * Few enough (case by case, not per crossing) to be grouped live.
 */
const EXCHANGE_MESSAGES: Source = {
  from: 'exchange_messages m',
  day: cambodiaDay('m.sent_at'),
  weight: '1',
  key: "stat_record_key(m.id::text || ':' || m.direction)",
  grain: 'day',
  dims: { outcome: 'm.status', direction: 'm.direction' },
}
/** Messages that reached the other side: delivered (acknowledged by the partner's receipt) or applied here. */
const MESSAGE_EXCHANGED = "m.status IN ('delivered', 'applied')"

/**
 * A count through `statisticsTable` by quarter, each cell published under the reader's disclosure control; the
 * years are published from the same read (`yearTableOf`).
 */
function counted(c: {
  measure: string
  custom?: { source: Source; where?: string }
  filters?: Record<string, string[]>
}): IndicatorSource {
  return async (o) => {
    const source = c.custom?.source ?? LIVE_SOURCES[c.measure]
    // The table and the first record are read side by side (two connections of the read pool on PostgreSQL).
    const [quarters, first] = await Promise.all([
      statisticsTable({
        db: o.read,
        actor: o.actor,
        threshold: o.threshold,
        query: { measure: c.measure, dimensions: ['period:quarter'], from: o.from, to: o.to },
        definitionFilters: c.filters,
        custom: c.custom,
      }),
      source ? firstDay(o.read, source, c.custom?.where) : null,
    ])
    const now = todayInCambodia()
    const out = new Map<string, LiveCell>()
    for (const [unit, table] of [
      ['quarter', quarters],
      ['year', yearTableOf(quarters)],
    ] as const) {
      const dimension = `period:${unit}`
      const cells = publishTable(table)
      for (const p of periodsBetween(o.from, o.to, unit)) {
        if (first === null || p.to < first || p.from > now) {
          out.set(p.key, { value: null, status: 'no_data' })
          continue
        }
        const cell = cells.find((x) => x.key[dimension] === p.key)
        const value = cell?.value ?? (cell ? null : 0)
        out.set(p.key, value === null ? { value: null, status: 'withheld' } : { value, status: 'published' })
      }
    }
    return out
  }
}

/**
 * Median days from identification to first assistance, per quarter and per year; nobody assisted is no data. A
 * median does not add up, so the statistics layer is asked once for the quarters (and the range's total) and once
 * per year for that year's total, all side by side.
 */
const medianToAssistance: IndicatorSource = async (o) => {
  const ranges = [
    { from: o.from, to: o.to, year: null as string | null },
    ...periodsBetween(o.from, o.to, 'year').map((p) => ({ from: p.from, to: p.to, year: p.key })),
  ]
  const answers = await Promise.all(
    ranges.map((r) =>
      medianDays({
        trx: o.trx,
        read: o.read,
        actor: o.actor,
        id: 'identification-to-assistance',
        from: r.from,
        to: r.to,
        locale: 'en',
        threshold: o.threshold,
      }),
    ),
  )
  const out = new Map<string, LiveCell>()
  for (const [n, r] of ranges.entries())
    for (const cell of answers[n]?.cells ?? []) {
      const quarter = cell.key['period:quarter']
      const key = r.year === null ? (quarter === '*' ? null : quarter) : quarter === '*' ? r.year : null
      if (!key) continue
      out.set(
        key,
        cell.value !== null
          ? { value: cell.value, status: 'published' }
          : cell.status === 'published'
            ? { value: null, status: 'no_data' }
            : { value: null, status: 'withheld' },
      )
    }
  return out
}

/** The registry: an indicator's `source` is one of these keys (or `reported`). */
export const INDICATOR_SOURCES: Readonly<Record<string, IndicatorSource>> = {
  'victims-identified': counted({ measure: 'victims' }),
  'referrals-completed': counted({ measure: 'referrals', custom: rolledUp('referrals-completed') }),
  'median-days-to-assistance': medianToAssistance,
  'returnees-assisted': counted({ measure: 'returnees', custom: rolledUp('returnees-assisted') }),
  'hits-confirmed': counted({
    measure: 'hits',
    custom: rolledUp('hits-confirmed'),
    filters: { outcome: ['true_match'] },
  }),
  'document-findings': counted({ measure: 'examinations', custom: rolledUp('document-findings') }),
  'officers-trained': officersTrainedSource,
  'exchange-messages': counted({
    measure: 'exchange',
    custom: { source: EXCHANGE_MESSAGES, where: MESSAGE_EXCHANGED },
  }),
}

export const SOURCE_KEYS = [...Object.keys(INDICATOR_SOURCES), 'reported'] as const

export function isSourceKey(key: string): boolean {
  return key === 'reported' || Object.hasOwn(INDICATOR_SOURCES, key)
}
