/** A GeoJSON feature as the province boundaries file has it (geoBoundaries ADM1). */
export interface BoundaryFeature {
  type: 'Feature'
  properties: { shapeName?: string; shapeISO?: string; [k: string]: unknown }
  geometry: unknown
}

export interface Boundaries {
  type: 'FeatureCollection'
  features: BoundaryFeature[]
}

export interface Province {
  code: string
  nameEn: string
  nameKm: string
}

const PROVINCE_CODE = /^KH-([1-9]|1\d|2[0-5])$/

/**
 * The province code of a boundary: its ISO 3166-2 code, the same `KH-1`… the reference data and the
 * statistics use. The English `shapeName` spellings differ from ours ("Bantey Meanchey", "Ratanakiri
 * Province"), so names are never used to join.
 */
export function provinceCodeOf(feature: BoundaryFeature): string | undefined {
  const iso = feature.properties.shapeISO
  return typeof iso === 'string' && PROVINCE_CODE.test(iso) ? iso : undefined
}

/** `reference/provinces.csv`: `code,name_en,name_km`, no quoted fields. */
export function parseProvincesCsv(text: string): Province[] {
  const [header, ...lines] = text.trim().split(/\r?\n/)
  if (header?.trim() !== 'code,name_en,name_km') throw new Error('unexpected provinces.csv header')
  return lines.map((line) => {
    const [code = '', nameEn = '', nameKm = ''] = line.split(',')
    return { code, nameEn, nameKm }
  })
}

/**
 * The boundaries keyed by province code, as the map draws them: every feature carries its code as `code`
 * (the map's join property). Throws when a boundary has no known code or two share one, so a changed
 * file is caught by the tests rather than by an empty province on a minister's map.
 */
export function boundariesByCode(boundaries: Boundaries, provinces: readonly Province[]): Boundaries {
  const known = new Set(provinces.map((p) => p.code))
  const seen = new Set<string>()
  const features = boundaries.features.map((f) => {
    const code = provinceCodeOf(f)
    if (!code || !known.has(code) || seen.has(code))
      throw new Error(`boundary without a distinct province code: ${String(f.properties.shapeName)}`)
    seen.add(code)
    return { ...f, properties: { ...f.properties, code } }
  })
  return { type: 'FeatureCollection', features }
}
