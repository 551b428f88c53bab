import type { AgeBand } from './age-bands.ts'
import type { DimensionId } from './dimensions.ts'
import { attributeOf, type Hashtag } from './hxl.ts'

/**
 * Where our dimensions and measures sit in HXL. HXL's own way to break a figure down by sex or age is
 * attributes on the figure's column (`#affected+f+adults`), so only dimensions with an HXL hashtag of
 * their own become columns; every other dimension becomes attributes of the measure columns.
 * Choices not fixed by the HXL core schema are written in HXL-MAPPING.md.
 */
export const HXL_ROW_DIMENSIONS: Partial<Record<DimensionId, Hashtag>> = {
  period: { tag: 'date', attributes: [] },
  post: { tag: 'loc', attributes: ['code', 'poe'] },
  nationality: { tag: 'country', attributes: ['code', 'nationality'] },
  provinceOfOrigin: { tag: 'adm1', attributes: ['code', 'origin'] },
  provinceOfReturn: { tag: 'adm1', attributes: ['code', 'return'] },
  postProvince: { tag: 'adm1', attributes: ['code', 'poe'] },
}

/** Prefix of the attribute carrying the value of a dimension pivoted into measure columns. */
const ATTRIBUTE_PREFIX: Partial<Record<DimensionId, string>> = {
  direction: 'dir',
  documentType: 'doc',
  travelPurpose: 'purpose',
  vulnerabilityType: 'vuln',
  exploitationForm: 'exploit',
  outcome: 'outcome',
  refusalReason: 'reason',
  alertList: 'list',
  riskIndicator: 'indicator',
  service: 'service',
}

export const MEASURES = [
  'travellers',
  'refusals',
  'hits',
  'returnees',
  'referrals',
  'cases',
  'victims',
  'services',
] as const
export type Measure = (typeof MEASURES)[number]

/** HXL wants numeric values under population-type hashtags; each measure picks the closest core one. */
export const HXL_MEASURES: Readonly<Record<Measure, Hashtag>> = {
  travellers: { tag: 'population', attributes: ['travellers'] },
  refusals: { tag: 'population', attributes: ['refused'] },
  hits: { tag: 'indicator', attributes: ['num', 'hits'] },
  returnees: { tag: 'affected', attributes: ['returnees'] },
  referrals: { tag: 'affected', attributes: ['referred'] },
  cases: { tag: 'affected', attributes: ['cases'] },
  victims: { tag: 'affected', attributes: ['victims'] },
  services: { tag: 'activity', attributes: ['num', 'services'] },
}

/** HXL's core sex attributes; anything else keeps its code. */
function sexAttributes(value: string): string[] {
  const v = value.toLowerCase()
  if (v === 'f' || v === 'female') return ['f']
  if (v === 'm' || v === 'male') return ['m']
  return [`sex_${attributeOf(value)}`]
}

/**
 * A core age attribute (children, adults, elderly) for the band's life stage, plus the exact range the
 * way HDX tags it (`+age_18_24`, `+age_60_plus`), since core attributes alone cannot tell 0–4 from 5–11.
 */
export function ageAttributes(label: string, bands: readonly AgeBand[]): string[] {
  const band = bands.find((b) => b.label === label)
  if (!band) return [`age_${attributeOf(label)}`]
  const stage = band.to !== null && band.to < 18 ? 'children' : band.from >= 60 ? 'elderly' : 'adults'
  const range = band.to === null ? `age_${band.from}_plus` : `age_${band.from}_${band.to}`
  return band.from < 18 && (band.to === null || band.to >= 18) ? [range] : [stage, range]
}

/** Attributes for one value of a dimension pivoted into measure columns. */
export function pivotAttributes(dimension: DimensionId, value: string, bands: readonly AgeBand[]): string[] {
  if (value === '*') return []
  if (dimension === 'sex') return sexAttributes(value)
  if (dimension === 'ageBand') return ageAttributes(value, bands)
  return [`${ATTRIBUTE_PREFIX[dimension] ?? attributeOf(dimension)}_${attributeOf(value)}`]
}
