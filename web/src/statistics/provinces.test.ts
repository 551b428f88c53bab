import { describe, expect, it } from 'vitest'
import provincesCsv from '../../../reference/provinces.csv?raw'
// The shipped reference files (reference/README.md): geoBoundaries ADM1 and the ISO 3166-2 province list,
// imported the way the map imports them.
import boundariesText from '../../../reference/provinces.geojson?raw'
import { type Boundaries, boundariesByCode, parseProvincesCsv, provinceCodeOf } from './provinces.ts'

const boundaries = JSON.parse(boundariesText) as Boundaries
const provinces = parseProvincesCsv(provincesCsv)

describe('province boundaries joined to province codes', () => {
  it('gives each of the 25 provinces exactly one boundary', () => {
    const mapped = boundariesByCode(boundaries, provinces)
    const codes = mapped.features.map((f) => f.properties.code as string).sort()
    expect(codes).toEqual(provinces.map((p) => p.code).sort())
    expect(new Set(codes).size).toBe(25)
  })

  it('joins on the ISO code, not on the English names, which are spelled differently', () => {
    const banteay = boundaries.features.find((f) => provinceCodeOf(f) === 'KH-1')
    expect(banteay?.properties.shapeName).not.toBe(provinces.find((p) => p.code === 'KH-1')?.nameEn)
  })

  it('refuses a boundary file with a province twice or a code we do not know', () => {
    const first = boundaries.features[0]!
    const twice: Boundaries = { ...boundaries, features: [first, first] }
    expect(() => boundariesByCode(twice, provinces)).toThrow(/distinct province code/)
    const stranger = { ...first, properties: { ...first.properties, shapeISO: 'TH-10' } }
    expect(() => boundariesByCode({ ...boundaries, features: [stranger] }, provinces)).toThrow()
  })

  it('reads English and Khmer names from the province list', () => {
    expect(provinces).toHaveLength(25)
    expect(provinces[0]).toEqual({ code: 'KH-1', nameEn: 'Banteay Meanchey', nameKm: 'បន្ទាយមានជ័យ' })
  })
})
