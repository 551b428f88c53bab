import { type RawBuilder, sql } from 'kysely'
import type { AgeBand } from '../../domain/statistics/age-bands.ts'
import type { AggregateResult } from '../../domain/statistics/aggregate.ts'
import { type ResolvedDimension, UNKNOWN } from '../../domain/statistics/dimensions.ts'
import type { PeriodUnit } from '../../domain/statistics/periods.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { Source } from './sources.ts'

export interface CountRequest {
  source: Source
  /** A fixed condition of the measure (refusals: decision = refuse). */
  where?: string
  dimensions: readonly ResolvedDimension[]
  filters: readonly { dimension: ResolvedDimension; values: readonly string[] }[]
  /** Inclusive `YYYY-MM-DD` bounds. */
  from: string
  to: string
  ageBands: readonly AgeBand[]
}

const raw = (text: string) => sql.raw(text)

function periodOf(day: string, unit: PeriodUnit): RawBuilder<unknown> {
  switch (unit) {
    case 'day':
      return raw(day)
    case 'week':
      return raw(`to_char((${day})::date, 'IYYY-"W"IW')`)
    case 'month':
      return raw(`substr(${day}, 1, 7)`)
    case 'quarter':
      return raw(`substr(${day}, 1, 4) || '-Q' || ((substr(${day}, 6, 2)::int + 2) / 3)::text`)
    case 'year':
      return raw(`substr(${day}, 1, 4)`)
  }
}

/** Bands come from whole-number bounds (`defineAgeBands`), so their labels are safe to write as literals. */
function bandOf(age: string, bands: readonly AgeBand[]): RawBuilder<unknown> {
  const whens = [...bands]
    .reverse()
    .map((b) => `WHEN ${age} >= ${Math.trunc(b.from)} THEN '${b.label.replace(/[^0-9+-]/g, '')}'`)
  return raw(
    `CASE WHEN ${age} IS NULL OR ${age} < 0 THEN '${UNKNOWN}' ${whens.join(' ')} ELSE '${UNKNOWN}' END`,
  )
}

/** The stored expression of a single-valued dimension, with '' and NULL read as unknown. */
function singleOf(expression: string): RawBuilder<unknown> {
  return raw(`coalesce(nullif(${expression}, ''), '${UNKNOWN}')`)
}

/** A multi-valued dimension's values, with an empty list read as one unknown (as `valuesOf` does). */
function valuesOf(array: string): string {
  return `CASE WHEN coalesce(cardinality(${array}), 0) = 0 THEN ARRAY['${UNKNOWN}']::text[] ELSE ${array} END`
}

function dimensionValue(r: CountRequest, d: ResolvedDimension): RawBuilder<unknown> {
  const id = d.definition.id
  if (id === 'period') return periodOf(r.source.day, d.unit ?? 'day')
  if (id === 'ageBand') return bandOf(r.source.age ?? 'NULL', r.ageBands)
  const expression = r.source.dims[id]
  if (expression === undefined) throw new Error(`no column for ${id}`)
  return singleOf(expression)
}

function filterOf(r: CountRequest, f: CountRequest['filters'][number]): RawBuilder<unknown> {
  const values = sql.join(f.values.map((v) => sql`${v}`))
  const id = f.dimension.definition.id
  const array = r.source.multi?.[id]
  if (array !== undefined)
    return sql`EXISTS (SELECT 1 FROM unnest(${raw(valuesOf(array))}) AS f(v) WHERE f.v IN (${values}))`
  const column = r.source.dims[id]
  // The bare column keeps a rollup's index usable when unknown is not asked for.
  if (column !== undefined && !f.values.includes(UNKNOWN)) return sql`${raw(column)} IN (${values})`
  return sql`${dimensionValue(r, f.dimension)} IN (${values})`
}

/** Counts per combination of values (only combinations that occur), summed from the source's rows. */
export async function countBy(db: Executor, r: CountRequest): Promise<AggregateResult> {
  const laterals: RawBuilder<unknown>[] = []
  const selects = r.dimensions.map((d, i) => {
    const array = r.source.multi?.[d.definition.id]
    if (array === undefined) return sql`${dimensionValue(r, d)} AS ${sql.ref(`d${i}`)}`
    laterals.push(raw(`CROSS JOIN LATERAL unnest(${valuesOf(array)}) AS m${i}(v)`))
    return sql`${raw(`m${i}.v`)} AS ${sql.ref(`d${i}`)}`
  })
  const conditions = [
    sql`${raw(r.source.day)} BETWEEN ${r.from} AND ${r.to}`,
    ...(r.where ? [raw(r.where)] : []),
    ...r.filters.map((f) => filterOf(r, f)),
  ]
  const where = sql.join(conditions, sql` AND `)
  const weight = raw(`sum(${r.source.weight})::bigint`)
  // Summed exactly (bigint), reduced to a cell key in the domain: the key never leaves the server.
  const keys = raw(`sum(${r.source.key})::bigint`)
  const from = raw(r.source.from)
  const groups = r.dimensions.map((_, i) => raw(String(i + 1)))
  const rows = (
    await sql<
      Record<string, string | number>
    >`SELECT ${sql.join([...selects, sql`${weight} AS n`, sql`${keys} AS k`])}
      FROM ${from} ${sql.join(laterals, sql` `)}
      WHERE ${where}
      ${groups.length ? sql`GROUP BY ${sql.join(groups)}` : sql``}
      HAVING ${weight} <> 0`.execute(db)
  ).rows
  const names = r.dimensions.map((d) => d.name)
  const cells = rows.map((row) => ({
    key: Object.fromEntries(names.map((name, i) => [name, String(row[`d${i}`])])),
    count: Number(row.n),
    keySum: Number(row.k),
  }))
  // With a multi-valued dimension the cells overlap, so the total is counted apart.
  const total = laterals.length
    ? Number(
        (await sql<{ n: number | null }>`SELECT ${weight} AS n FROM ${from} WHERE ${where}`.execute(db))
          .rows[0]?.n ?? 0,
      )
    : cells.reduce((s, c) => s + c.count, 0)
  return { dimensions: [...r.dimensions], cells, total }
}
