import { DIRECTIONS, PURPOSES } from '../../domain/crossings/types.ts'
import type { ResolvedDimension } from '../../domain/statistics/dimensions.ts'
import { UNKNOWN } from '../../domain/statistics/dimensions.ts'
import type { Executor } from '../../platform/db/database.ts'

/**
 * Every value a dimension could take, whether or not anyone had it. A noisy release must hold a cell for
 * each, zero or not: a row that appears only because someone is in it would tell that someone is, which
 * the noise on its count cannot hide. Dimensions without a closed list keep the values seen (documented).
 */
export async function completeDomains(
  db: Executor,
  dimensions: readonly ResolvedDimension[],
  known: Readonly<Record<string, readonly string[]>>,
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const d of dimensions) {
    const values = await closedList(db, d)
    out[d.name] = [...new Set([...(known[d.name] ?? []), ...(values ? [...values, UNKNOWN] : [])])]
  }
  return out
}

async function closedList(db: Executor, d: ResolvedDimension): Promise<readonly string[] | undefined> {
  const codes = (rows: { code: string }[]) => rows.map((r) => r.code)
  switch (d.definition.id) {
    case 'ageBand':
      // The bands come with the table; an unknown age is the one value they lack.
      return []
    case 'sex':
      return ['F', 'M', 'X']
    case 'direction':
      return DIRECTIONS
    case 'travelPurpose':
      return PURPOSES
    case 'post':
      return codes(await db.selectFrom('points_of_entry').select('code').execute())
    case 'nationality':
      return codes(await db.selectFrom('countries').select('icao_code as code').execute())
    case 'provinceOfOrigin':
    case 'provinceOfReturn':
    case 'postProvince':
      return codes(await db.selectFrom('provinces').select('code').execute())
    case 'refusalReason':
      return codes(await db.selectFrom('refusal_reasons').select('code').execute())
    default:
      return undefined
  }
}
