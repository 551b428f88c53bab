import { describe, expect, it } from 'vitest'
import { catalogs } from '../../platform/i18n/catalog.ts'
import { DIMENSION_IDS, DIMENSIONS } from './dimensions.ts'
import { STATISTICS_ERRORS } from './errors.ts'
import { MEASURES } from './hxl-mapping.ts'
import { PERIOD_UNITS } from './periods.ts'

const REQUIRED = [
  ...Object.values(STATISTICS_ERRORS),
  ...DIMENSION_IDS.map((id) => DIMENSIONS[id].labelKey),
  ...MEASURES.map((m) => `statistics.measures.${m}`),
  ...PERIOD_UNITS.map((u) => `statistics.periodUnits.${u}`),
  ...['published', 'primary', 'secondary'].map((s) => `statistics.cellStatus.${s}`),
  'statistics.export.total',
]

describe('statistics messages', () => {
  it('exist in English and Khmer for every error code and label', () => {
    const { en, km } = catalogs()
    expect(REQUIRED.filter((k) => !(k in en))).toEqual([])
    expect(REQUIRED.filter((k) => !(k in km))).toEqual([])
  })
})
