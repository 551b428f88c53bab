import { parse } from 'csv-parse/sync'
import readXlsxFile from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import { aggregate } from '../../domain/statistics/aggregate.ts'
import type { StatisticsRecord } from '../../domain/statistics/dimensions.ts'
import { validateHxlRow } from '../../domain/statistics/hxl.ts'
import { type Locale, translate } from '../../platform/i18n/catalog.ts'
import { csvFile, xlsxFile } from './export-files.ts'
import { protectForExport } from './export-protect.ts'
import { exportRows } from './export-rows.ts'

/** Returnees by province of return and sex; provinces as in reference/provinces (Banteay Meanchey 01, Battambang 02). */
const returnees: StatisticsRecord[] = [
  { provinceOfReturn: '01', sex: 'F', count: 140 },
  { provinceOfReturn: '01', sex: 'M', count: 210 },
  { provinceOfReturn: '02', sex: 'F', count: 95 },
  { provinceOfReturn: '02', sex: 'M', count: 3 },
  { provinceOfReturn: '12', sex: 'F', count: 48 },
  { provinceOfReturn: '12', sex: 'M', count: 52 },
]
const names = {
  en: { '01': 'Banteay Meanchey', '02': 'Battambang', '12': 'Phnom Penh' },
  km: { '01': 'បន្ទាយមានជ័យ', '02': 'បាត់ដំបង', '12': 'ភ្នំពេញ' },
}

const sexes = { en: { F: 'Female', M: 'Male' }, km: { F: 'ស្រី', M: 'ប្រុស' } }

function rowsFor(locale: Locale) {
  const result = aggregate(returnees, { dimensions: ['provinceOfReturn', 'sex'] })
  if (!result.ok) throw new Error(result.error.code)
  const table = protectForExport(result.value, { threshold: 10 })
  if (!table.ok) throw new Error(table.error.code)
  const rows = exportRows(table.value.table, {
    measure: 'returnees',
    label: (key, params) => translate(locale, key, params),
    labels: { provinceOfReturn: names[locale], sex: sexes[locale] },
  })
  if (!rows.ok) throw new Error(rows.error.code)
  return rows.value
}

describe('export rows', () => {
  it('puts a valid HXL hashtag row under the headings, with codes and names of provinces', () => {
    const [headings = [], hashtags = [], ...data] = rowsFor('en')
    expect(validateHxlRow(hashtags.map(String), headings.length).ok).toBe(true)
    expect(hashtags.slice(0, 2)).toEqual(['#adm1+code+return', '#adm1+name+return'])
    expect(hashtags).toContain('#affected+returnees+f')
    expect(headings.slice(0, 2)).toEqual(['Province of return', 'Province of return (name)'])
    expect(data.map((r) => r[1])).toEqual(['Banteay Meanchey', 'Battambang', 'Phnom Penh'])
  })

  it('labels headings and names in the reader’s language', () => {
    const [headings = [], , ...data] = rowsFor('km')
    expect(headings[0]).toBe('ខេត្តវិលត្រឡប់')
    expect(headings.slice(2)).toEqual(['អ្នកវិលត្រឡប់ (ស្រី)', 'អ្នកវិលត្រឡប់ (ប្រុស)', 'អ្នកវិលត្រឡប់ (សរុប)'])
    expect(data.map((r) => r[1])).toContain('ភ្នំពេញ')
  })

  it('reads back from CSV as written, withheld cells empty', () => {
    const rows = rowsFor('km')
    const back: string[][] = parse(csvFile(rows), { bom: true })
    expect(back).toEqual(rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))))
    // The 3 men of Battambang are withheld (perturbed, 1 to 5, under the threshold); no complement is needed.
    const battambang = back.find((r) => r[0] === '02') ?? []
    expect(battambang.filter((v) => v === '').length).toBeGreaterThanOrEqual(1)
  })

  it('reads back from XLSX as written, with the notes sheet beside the data', async () => {
    const rows = rowsFor('km')
    const file = await xlsxFile({
      rows,
      notes: [['កម្រិតក្រឡាតូច', 10]],
      sheetNames: { data: 'ទិន្នន័យ', notes: 'កំណត់សម្គាល់' },
    })
    const sheets = await readXlsxFile(file)
    expect(sheets.map((s) => s.sheet)).toEqual(['ទិន្នន័យ', 'កំណត់សម្គាល់'])
    expect(sheets[0]?.data).toEqual(rows.map((r) => r.map((v) => (v === undefined ? null : v))))
    expect(sheets[1]?.data).toEqual([['កម្រិតក្រឡាតូច', 10]])
  })

  it('writes a spreadsheet formula as text, never as a formula', async () => {
    const rows = [['Heading'], ['#loc+name'], ['=HYPERLINK("http://x")']]
    const back: string[][] = parse(csvFile(rows), { bom: true })
    expect(back[2]?.[0]).toBe(`'=HYPERLINK("http://x")`)
    const sheets = await readXlsxFile(
      await xlsxFile({ rows, notes: [], sheetNames: { data: 'a', notes: 'b' } }),
    )
    expect(sheets[0]?.data[2]?.[0]).toBe('=HYPERLINK("http://x")')
  })
})
