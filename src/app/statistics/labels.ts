import { sql } from 'kysely'
import { type DimensionId, isDimensionId, UNKNOWN } from '../../domain/statistics/dimensions.ts'
import { TOTAL } from '../../domain/statistics/suppress-aggregate.ts'
import type { Executor } from '../../platform/db/database.ts'
import { catalogs, type Locale, translate } from '../../platform/i18n/catalog.ts'

type Names = Map<string, string>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Names kept in reference tables, in the reader's language. */
async function referenceNames(
  db: Executor,
  id: DimensionId,
  codes: string[],
  locale: Locale,
): Promise<Names> {
  const name = locale === 'km' ? 'name_km' : 'name_en'
  const pairs = (rows: { code: string; name: string }[]) => new Map(rows.map((r) => [r.code, r.name]))
  if (codes.length === 0) return new Map()
  switch (id) {
    case 'post':
      return pairs(
        await db
          .selectFrom('points_of_entry')
          .select(['code', `${name} as name`])
          .where('code', 'in', codes)
          .execute(),
      )
    case 'nationality': {
      const rows = await db
        .selectFrom('countries')
        .select(['alpha3', 'icao_code', `${name} as name`])
        .where((eb) => eb.or([eb('alpha3', 'in', codes), eb('icao_code', 'in', codes)]))
        .execute()
      return new Map(rows.flatMap((r) => [[r.icao_code, r.name] as const, [r.alpha3, r.name] as const]))
    }
    case 'provinceOfOrigin':
    case 'provinceOfReturn':
    case 'postProvince':
      return pairs(
        await db
          .selectFrom('provinces')
          .select(['code', `${name} as name`])
          .where('code', 'in', codes)
          .execute(),
      )
    case 'refusalReason':
      return pairs(
        await db
          .selectFrom('refusal_reasons')
          .select(['code', `${name} as name`])
          .where('code', 'in', codes)
          .execute(),
      )
    case 'alertList': {
      const ids = codes.filter((c) => UUID.test(c))
      if (ids.length === 0) return new Map()
      const rows = await db.selectFrom('watchlists').select(['id', 'name']).where('id', 'in', ids).execute()
      return new Map(rows.map((r) => [r.id, r.name]))
    }
    case 'riskIndicator': {
      // Indicators are named in the rule set version that hit them; the evaluations keep that name.
      const rows = await sql<{ code: string; name: string }>`
        SELECT DISTINCT ON (h->>'indicatorId') h->>'indicatorId' AS code, h->'name'->>${locale} AS name
        FROM risk_evaluations e, jsonb_array_elements(e.hits) h
        WHERE h->>'indicatorId' IN (${sql.join(codes)})
        ORDER BY h->>'indicatorId', e.evaluated_at DESC`.execute(db)
      return pairs(rows.rows)
    }
    default:
      return new Map()
  }
}

/** A value's label from the statistics catalog (`statistics.values.<dimension>.<code>`), else the code. */
export function valueLabel(locale: Locale, id: DimensionId, code: string): string {
  if (code === TOTAL) return translate(locale, 'statistics.values.total')
  if (code === UNKNOWN) return translate(locale, 'statistics.values.unknown')
  const key = `statistics.values.${id}.${code}`
  return key in catalogs().en ? translate(locale, key) : code
}

/** Display labels for every value in the cells, per dimension name. */
export async function labelsFor(
  db: Executor,
  cells: readonly { key: Readonly<Record<string, string>> }[],
  dimensions: readonly string[],
  locale: Locale,
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {}
  for (const name of dimensions) {
    const id = name.split(':')[0] ?? ''
    if (!isDimensionId(id)) continue
    const values = [...new Set(cells.map((c) => c.key[name]).filter((v): v is string => v !== undefined))]
    const known = values.filter((v) => v !== TOTAL && v !== UNKNOWN)
    const names = await referenceNames(db, id, known, locale)
    out[name] = Object.fromEntries(values.map((v) => [v, names.get(v) ?? valueLabel(locale, id, v)]))
  }
  return out
}
