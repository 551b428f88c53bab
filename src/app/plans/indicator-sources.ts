import { sql } from 'kysely'
import { can } from '../../domain/identity/policy.ts'
import { periodsBetween } from '../../domain/plans/periods.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { RequestActor } from '../identity/actor.ts'
import { medianDays } from '../statistics/indicator-rates.ts'
import { publishTable, statisticsTable } from '../statistics/query-statistics.ts'
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
  /** Inclusive `YYYY-MM-DD` bounds of whole quarters. */
  from: string
  to: string
  unit: 'quarter' | 'year'
}

/** Period key (`2025`, `2025-Q3`) → figure, for every period of the range that has one. */
export type IndicatorSource = (o: SourceRequest) => Promise<Map<string, LiveCell>>

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
function rolledUp(name: string): { source: Source; where: string } {
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

/** A count through `statisticsTable` by period, each cell published under the reader's disclosure control. */
function counted(c: {
  measure: string
  custom?: { source: Source; where?: string }
  filters?: Record<string, string[]>
}): IndicatorSource {
  return async (o) => {
    const dimension = `period:${o.unit}`
    const source = c.custom?.source ?? LIVE_SOURCES[c.measure]
    // The table and the first record are read side by side (two connections of the read pool on PostgreSQL).
    const [table, first] = await Promise.all([
      statisticsTable({
        db: o.read,
        actor: o.actor,
        threshold: o.threshold,
        query: { measure: c.measure, dimensions: [dimension], from: o.from, to: o.to },
        definitionFilters: c.filters,
        custom: c.custom,
      }),
      source ? firstDay(o.read, source, c.custom?.where) : null,
    ])
    const cells = publishTable(table)
    const now = todayInCambodia()
    const out = new Map<string, LiveCell>()
    for (const p of periodsBetween(o.from, o.to, o.unit)) {
      if (first === null || p.to < first || p.from > now) {
        out.set(p.key, { value: null, status: 'no_data' })
        continue
      }
      const cell = cells.find((x) => x.key[dimension] === p.key)
      const value = cell?.value ?? (cell ? null : 0)
      out.set(p.key, value === null ? { value: null, status: 'withheld' } : { value, status: 'published' })
    }
    return out
  }
}

/** Median days from identification to first assistance, per quarter or per year; nobody assisted is no data. */
const medianToAssistance: IndicatorSource = async (o) => {
  const out = new Map<string, LiveCell>()
  for (const p of periodsBetween(o.from, o.to, o.unit)) {
    // The statistics layer gives quarters and the range's total: a year is one range of its own.
    if (o.unit === 'year' || !out.size) {
      const r = await medianDays({
        trx: o.trx,
        read: o.read,
        actor: o.actor,
        id: 'identification-to-assistance',
        from: o.unit === 'year' ? p.from : o.from,
        to: o.unit === 'year' ? p.to : o.to,
        locale: 'en',
        threshold: o.threshold,
      })
      for (const cell of r.cells) {
        const key =
          o.unit === 'year' ? (cell.key['period:quarter'] === '*' ? p.key : null) : cell.key['period:quarter']
        if (!key || key === '*') continue
        out.set(
          key,
          cell.value !== null
            ? { value: cell.value, status: 'published' }
            : cell.status === 'published'
              ? { value: null, status: 'no_data' }
              : { value: null, status: 'withheld' },
        )
      }
    }
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
