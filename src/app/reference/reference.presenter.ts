import type { AgencyRow, PointOfEntryRow } from '../../platform/db/schema.ts'

export function presentAgency(a: AgencyRow) {
  return { code: a.code, nameEn: a.name_en, nameKm: a.name_km, kind: a.kind, active: a.active }
}

export function presentPost(p: PointOfEntryRow) {
  return {
    code: p.code,
    nameEn: p.name_en,
    nameKm: p.name_km,
    type: p.type,
    provinceCode: p.province_code,
    neighbourCountry: p.neighbour_country,
    neighbourPost: p.neighbour_post,
    active: p.active,
  }
}
