import { describe, expect, it } from 'vitest'
import { toCsv } from '../files/csv.ts'
import { aggregate } from './aggregate.ts'
import type { StatisticsRecord } from './dimensions.ts'
import { validateHxlRow } from './hxl.ts'
import { toHxlRows } from './hxl-export.ts'
import { suppressAggregate } from './suppress-aggregate.ts'

const label = (key: string) => `[${key}]`

function published(rows: StatisticsRecord[], dimensions: string[]) {
  const result = aggregate(rows, { dimensions })
  if (!result.ok) throw new Error(result.error.code)
  const table = suppressAggregate(result.value)
  if (!table.ok) throw new Error(table.error.code)
  return table.value
}

function returnees(n: number, overrides: Partial<StatisticsRecord>): StatisticsRecord {
  return { date: '2025-07-01', provinceOfReturn: 'KH-1', sex: 'f', age: 20, count: n, ...overrides }
}

describe('HXL export', () => {
  const rows = [
    returnees(40, {}),
    returnees(35, { sex: 'm' }),
    returnees(20, { provinceOfReturn: 'KH-2' }),
    returnees(4, { provinceOfReturn: 'KH-2', sex: 'm' }),
  ]

  it('makes dimensions with a hashtag into columns and pivots sex and age into attributes', () => {
    const result = toHxlRows(published(rows, ['period:month', 'provinceOfReturn', 'sex', 'ageBand']), {
      measure: 'returnees',
      label,
    })
    if (!result.ok) throw new Error(result.error.code)
    const [headings, hashtags, ...data] = result.value
    expect(hashtags?.slice(0, 2)).toEqual(['#date', '#adm1+code+return'])
    expect(hashtags).toContain('#affected+returnees+f+adults+age_18_24')
    expect(hashtags).toContain('#affected+returnees+total')
    expect(headings?.[0]).toBe('[statistics.dimensions.period]')
    expect(validateHxlRow(hashtags as string[], headings?.length).ok).toBe(true)
    expect(data.map((r) => r.slice(0, 2))).toEqual([
      ['2025-07', 'KH-1'],
      ['2025-07', 'KH-2'],
    ])
  })

  it('leaves withheld cells empty in the CSV', () => {
    const result = toHxlRows(published(rows, ['provinceOfReturn', 'sex']), { measure: 'returnees', label })
    if (!result.ok) throw new Error(result.error.code)
    const csv = toCsv(result.value)
    const kh2 = csv.split('\r\n').find((line) => line.startsWith('KH-2'))
    expect(kh2).toBe('KH-2,,,24')
    expect(csv).not.toMatch(/(^|,)4(,|\r)/m)
  })

  it('gives a measure column its bare hashtag when nothing is pivoted', () => {
    const result = toHxlRows(published(rows, ['provinceOfReturn']), { measure: 'returnees', label })
    expect(result.ok && result.value[1]).toEqual(['#adm1+code+return', '#affected+returnees'])
  })

  it('lists age bands in age order, not text order (5-11 before 12-17, 60+ last)', () => {
    const ages = [70, 13, 30, 6, 2, 20]
    const byAge = ages.map((age) => returnees(10, { age }))
    const result = toHxlRows(published(byAge, ['provinceOfReturn', 'ageBand']), {
      measure: 'returnees',
      label,
    })
    if (!result.ok) throw new Error(result.error.code)
    const bands = (result.value[1] as string[]).flatMap((tag) => /\+age_(\w+)/.exec(tag)?.[1] ?? [])
    expect(bands).toEqual(['0_4', '5_11', '12_17', '18_24', '25_59', '60_plus'])
  })
})
