import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { type ColumnMap, mapColumns, parseListRow } from './return-list.ts'

// Province names and codes from reference/provinces.csv.
const provinces = readFileSync(new URL('../../../reference/provinces.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
const provinceByName = new Map(
  provinces.flatMap(([code, en, km]) => [
    [code!.toLowerCase(), code!],
    [en!.toLowerCase(), code!],
    [km!, code!],
  ]),
)
const ctx = { today: '2026-11-21', provinceByName, returnType: 'g2g_list' as const }

const mapOf = (header: string[]): ColumnMap => {
  const m = mapColumns(header)
  if (!m.ok) throw new Error(JSON.stringify(m.issues))
  return m.map
}

describe('return list columns', () => {
  it('matches headers in any case, Khmer aliases included, and names the ignored ones', () => {
    const m = mapOf(['List No', 'Family-Name', 'នាមខ្លួន', 'Thai ID'])
    expect(m.byIndex).toEqual(['list_no', 'family_name', 'given_name_km', null])
    expect(m.ignored).toEqual(['Thai ID'])
  })

  it('refuses a file without any name column, or with a column twice', () => {
    expect(mapColumns(['sex', 'age'])).toMatchObject({
      ok: false,
      issues: [{ code: 'missing_name_columns' }],
    })
    expect(mapColumns(['family_name', 'surname'])).toMatchObject({
      ok: false,
      issues: [{ row: 1, column: 'family_name', code: 'duplicate_column' }],
    })
  })
})

describe('return list rows', () => {
  const map = mapOf([
    'list_no',
    'family_name',
    'given_name',
    'sex',
    'birth_date',
    'age',
    'return_province',
    'flags',
    'needs',
  ])

  it('reads a row with province names, sex words and flag lists', () => {
    const r = parseListRow(
      ['7', 'Chan', 'Sophea', 'female', '', '16', 'Prey Veng', 'pregnancy', 'food; transport home'],
      map,
      8,
      ctx,
    )
    expect(r).toMatchObject({
      kind: 'valid',
      listNo: '7',
      returnee: {
        sex: 'F',
        estimatedAge: 16,
        returnProvince: 'KH-14',
        triageFlags: ['pregnancy', 'child'],
        needs: ['food', 'transport_home'],
        returnType: 'g2g_list',
      },
    })
  })

  it('reports every bad cell of a row with its row number and column', () => {
    const r = parseListRow(
      ['8', 'Chan', '', 'woman', '2001-02-29', 'old', 'Atlantis', 'sick', ''],
      map,
      9,
      ctx,
    )
    expect(r.kind === 'invalid' && r.issues.map((i) => `${i.row}:${i.column}:${i.code}`)).toEqual([
      '9:sex:invalid_sex',
      '9:age:invalid_age',
      '9:return_province:unknown_province',
      '9:birth_date:invalid_birth_date',
      '9:flags:unknown_flag',
    ])
  })

  it('skips a blank row and reports a row without a name', () => {
    expect(parseListRow(['', ' ', '', '', '', '', '', '', ''], map, 3, ctx)).toEqual({ kind: 'blank' })
    expect(parseListRow(['9', '', '', 'M', '', '30', '', '', ''], map, 4, ctx)).toMatchObject({
      kind: 'invalid',
      issues: [{ row: 4, column: null, code: 'name_required' }],
    })
  })

  it('reads every row of the sample list in docs/', () => {
    const rows: string[][] = parse(
      readFileSync(new URL('../../../docs/return-list-sample.csv', import.meta.url)),
    )
    const sampleMap = mapOf(rows[0]!)
    const parsed = rows.slice(1).map((cells, i) => parseListRow(cells, sampleMap, i + 2, ctx))
    expect(parsed.every((p) => p.kind === 'valid')).toBe(true)
  })
})
