import { DIRECTIONS, PURPOSES } from '../../domain/crossings/types.ts'
import { SERVICE_TYPES } from '../../domain/protection/organisation.ts'
import { VULNERABILITY_TYPES } from '../../domain/protection/vulnerability.ts'
import { type AgeBand, DEFAULT_AGE_BANDS } from '../../domain/statistics/age-bands.ts'
import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from '../../domain/statistics/dimensions.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import type { RequestActor } from '../identity/actor.ts'
import { INDICATORS, indicatorKeys } from './indicators.ts'
import { valueLabel } from './labels.ts'
import { MEASURES, measureDimensions } from './measures.ts'
import type { StatisticsCatalog } from './statistics.contract.ts'
import { statisticsAccess } from './statistics-access.ts'

type Value = { code: string; label: string }

const FIXED: Partial<Record<DimensionId, readonly string[]>> = {
  sex: ['F', 'M', 'X'],
  direction: DIRECTIONS,
  travelPurpose: PURPOSES,
  vulnerabilityType: VULNERABILITY_TYPES,
  exploitationForm: ['sexual', 'labour', 'criminality'],
  service: SERVICE_TYPES,
}

/** The closed lists a dashboard offers as filters; open ones (nationality, alert lists) come with the data. */
async function valuesOf(
  db: Executor,
  id: DimensionId,
  locale: Locale,
  bands: readonly AgeBand[],
  postCode: string | null,
): Promise<Value[] | undefined> {
  const name = locale === 'km' ? 'name_km' : 'name_en'
  const fixed = FIXED[id]
  if (fixed) return fixed.map((code) => ({ code, label: valueLabel(locale, id, code) }))
  switch (id) {
    case 'ageBand':
      return bands.map((b) => ({ code: b.label, label: b.label }))
    case 'post': {
      let q = db
        .selectFrom('points_of_entry')
        .select(['code', `${name} as label`])
        .where('active', '=', true)
      if (postCode) q = q.where('code', '=', postCode)
      return q.orderBy('code').execute()
    }
    case 'provinceOfOrigin':
    case 'provinceOfReturn':
    case 'postProvince':
      return db
        .selectFrom('provinces')
        .select(['code', `${name} as label`])
        .orderBy('code')
        .execute()
    case 'refusalReason':
      return db
        .selectFrom('refusal_reasons')
        .select(['code', `${name} as label`])
        .orderBy('position')
        .execute()
    default:
      return undefined
  }
}

/** `GET /api/statistics/catalog`: what this reader can ask for, and the threshold their views are cut at. */
export async function statisticsCatalog(o: {
  db: Executor
  actor: RequestActor
  locale: Locale
  threshold: number
  ageBands?: readonly AgeBand[]
}): Promise<StatisticsCatalog> {
  const access = statisticsAccess(o.actor, 'view', o.threshold)
  const bands = o.ageBands ?? DEFAULT_AGE_BANDS
  const dimensions = await Promise.all(
    DIMENSION_IDS.map(async (id) => {
      const values = await valuesOf(o.db, id, o.locale, bands, access.postCode)
      const d = DIMENSIONS[id]
      return { id, labelKey: d.labelKey, needsUnit: d.needsUnit, ...(values ? { values } : {}) }
    }),
  )
  return {
    measures: MEASURES.map((id) => ({
      id,
      labelKey: `statistics.measures.${id}`,
      dimensions: measureDimensions(id),
    })),
    dimensions,
    indicators: INDICATORS.map((i) => ({ id: i.id, ...indicatorKeys(i.id) })),
    suppressionThreshold: access.threshold,
  }
}
