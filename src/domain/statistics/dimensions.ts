import { type AgeBand, ageBandOf, DEFAULT_AGE_BANDS } from './age-bands.ts'
import { isIsoDate } from './calendar.ts'
import { fail, ok, type Result, STATISTICS_ERRORS } from './errors.ts'
import { isPeriodUnit, type PeriodUnit, periodKey } from './periods.ts'

/**
 * One counted thing (a crossing, a returnee, a referral, a case…) or, with `count`, a pre-aggregated
 * rollup row standing for that many. Missing values are counted under `unknown`, never dropped, so
 * that totals stay true and data gaps stay visible.
 */
export interface StatisticsRecord {
  /** `YYYY-MM-DD`. */
  date?: string | null
  /** Completed years. */
  age?: number | null
  sex?: string | null
  post?: string | null
  direction?: string | null
  nationality?: string | null
  provinceOfOrigin?: string | null
  provinceOfReturn?: string | null
  documentType?: string | null
  travelPurpose?: string | null
  /** A person may have several: counted once under each. */
  vulnerabilityTypes?: readonly string[] | null
  exploitationForms?: readonly string[] | null
  outcome?: string | null
  refusalReason?: string | null
  /** The province of the post a record was made at (a crossing's map). */
  postProvince?: string | null
  /** The alert list a screening hit came from. */
  alertList?: string | null
  /** The risk indicators an evaluation hit. */
  riskIndicators?: readonly string[] | null
  /** Services referred or delivered: a referral may ask for several. */
  services?: readonly string[] | null
  count?: number
  /**
   * The record's fixed cell key contribution (cell-key perturbation, `cell-key.ts`): for a record that
   * stands for several (`count`), the sum of their keys.
   */
  recordKey?: number
}

export const UNKNOWN = 'unknown'

export const DIMENSION_IDS = [
  'period',
  'post',
  'direction',
  'nationality',
  'sex',
  'ageBand',
  'provinceOfOrigin',
  'provinceOfReturn',
  'documentType',
  'travelPurpose',
  'vulnerabilityType',
  'exploitationForm',
  'outcome',
  'refusalReason',
  'postProvince',
  'alertList',
  'riskIndicator',
  'service',
] as const
export type DimensionId = (typeof DIMENSION_IDS)[number]

export interface DimensionDefinition {
  id: DimensionId
  /**
   * Multi-valued dimensions are not additive: a person with two vulnerabilities is counted twice, so
   * their cells do not sum to a total and no margin may be derived from them.
   */
  multiValued: boolean
  /** The dimension needs a period unit: `period:month`. */
  needsUnit: boolean
  /** Message key of the column heading. */
  labelKey: string
}

const MULTI_VALUED: readonly DimensionId[] = [
  'vulnerabilityType',
  'exploitationForm',
  'service',
  'riskIndicator',
]

export const DIMENSIONS: Readonly<Record<DimensionId, DimensionDefinition>> = Object.fromEntries(
  DIMENSION_IDS.map((id) => [
    id,
    {
      id,
      multiValued: MULTI_VALUED.includes(id),
      needsUnit: id === 'period',
      labelKey: `statistics.dimensions.${id}`,
    },
  ]),
) as Record<DimensionId, DimensionDefinition>

/** A dimension as asked for: `sex`, `ageBand`, `period:quarter`. */
export interface ResolvedDimension {
  /** The request string, used as the key in cells and filters. */
  name: string
  definition: DimensionDefinition
  unit?: PeriodUnit
}

/** Beyond four dimensions cells become so small that almost everything would be suppressed. */
export const MAX_DIMENSIONS = 4

export function isDimensionId(value: string): value is DimensionId {
  return (DIMENSION_IDS as readonly string[]).includes(value)
}

export function resolveDimension(name: string): Result<ResolvedDimension> {
  const [id = '', unit, ...rest] = name.split(':')
  if (!isDimensionId(id) || rest.length > 0)
    return fail(STATISTICS_ERRORS.unknownDimension, { dimension: name })
  const definition = DIMENSIONS[id]
  if (!definition.needsUnit) {
    return unit === undefined
      ? ok({ name, definition })
      : fail(STATISTICS_ERRORS.unexpectedDimensionUnit, { dimension: name })
  }
  if (unit === undefined) return fail(STATISTICS_ERRORS.periodUnitRequired, { dimension: name })
  if (!isPeriodUnit(unit)) return fail(STATISTICS_ERRORS.invalidPeriodUnit, { unit })
  return ok({ name, definition, unit })
}

export function resolveDimensions(
  names: readonly string[],
  max = MAX_DIMENSIONS,
): Result<ResolvedDimension[]> {
  if (names.length > max) return fail(STATISTICS_ERRORS.tooManyDimensions, { max })
  const resolved: ResolvedDimension[] = []
  const seen = new Set<DimensionId>()
  for (const name of names) {
    const result = resolveDimension(name)
    if (!result.ok) return result
    // `period:month` and `period:year` together would count every record twice over one axis.
    if (seen.has(result.value.definition.id))
      return fail(STATISTICS_ERRORS.duplicateDimension, { dimension: name })
    seen.add(result.value.definition.id)
    resolved.push(result.value)
  }
  return ok(resolved)
}

function single(value: string | null | undefined): string[] {
  return [value === null || value === undefined || value === '' ? UNKNOWN : value]
}

function many(values: readonly string[] | null | undefined): string[] {
  return values && values.length > 0 ? [...new Set(values)] : [UNKNOWN]
}

/** The dimension's values for one record: one value, or several for a multi-valued dimension. */
export function valuesOf(
  record: StatisticsRecord,
  dimension: ResolvedDimension,
  ageBands: readonly AgeBand[] = DEFAULT_AGE_BANDS,
): string[] {
  switch (dimension.definition.id) {
    case 'period':
      return record.date && dimension.unit && isIsoDate(record.date)
        ? [periodKey(record.date, dimension.unit)]
        : [UNKNOWN]
    case 'ageBand': {
      const band = typeof record.age === 'number' ? ageBandOf(record.age, ageBands) : undefined
      return [band ? band.label : UNKNOWN]
    }
    case 'vulnerabilityType':
      return many(record.vulnerabilityTypes)
    case 'exploitationForm':
      return many(record.exploitationForms)
    case 'service':
      return many(record.services)
    case 'riskIndicator':
      return many(record.riskIndicators)
    default:
      return single(record[dimension.definition.id])
  }
}
