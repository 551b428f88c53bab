import type { CsvValue } from '../../domain/files/csv.ts'
import type { AgeBand } from '../../domain/statistics/age-bands.ts'
import { type DimensionId, resolveDimensions } from '../../domain/statistics/dimensions.ts'
import { ok } from '../../domain/statistics/errors.ts'
import { formatHashtag, parseHashtag, validateHxlRow } from '../../domain/statistics/hxl.ts'
import { type Label, toHxlRows } from '../../domain/statistics/hxl-export.ts'
import { HXL_ROW_DIMENSIONS, type Measure } from '../../domain/statistics/hxl-mapping.ts'
import { type PublishedTable, TOTAL } from '../../domain/statistics/suppress-aggregate.ts'
import type { ExportResult } from './export-protect.ts'

export interface ExportRowsOptions {
  measure: Measure
  label: Label
  /** Dimension name → code → display name in the reader's language. */
  labels: Readonly<Record<string, Readonly<Record<string, string>>>>
  ageBands?: readonly AgeBand[]
}

/**
 * The rows of a CSV or XLSX export: headings, the HXL hashtag row, then the data. Codes stay under their
 * `+code` hashtags so that HXL tools can join on them; each coded column is followed by the names in the
 * reader's language under the same hashtag with `+name` (`#adm1+code+return` then `#adm1+name+return`).
 */
export function exportRows(table: PublishedTable, o: ExportRowsOptions): ExportResult<CsvValue[][]> {
  const rows = toHxlRows(table, { measure: o.measure, label: o.label, ageBands: o.ageBands })
  if (!rows.ok) return rows
  const resolved = resolveDimensions(table.dimensions, Number.POSITIVE_INFINITY)
  if (!resolved.ok) return resolved
  const rowDims = resolved.value.filter((d) => HXL_ROW_DIMENSIONS[d.definition.id] !== undefined)
  const [headings = [], hashtags = [], ...data] = rows.value
  translatePivotHeadings(table, headings, rowDims.length, o)

  // Walk the row-dimension columns from the right so the inserted columns do not shift those still to visit.
  for (let i = rowDims.length - 1; i >= 0; i--) {
    const names = o.labels[rowDims[i]?.name ?? '']
    const tag = parseHashtag(String(hashtags[i] ?? ''))
    if (!names || !tag?.attributes.includes('code')) continue
    const nameTag = { ...tag, attributes: tag.attributes.map((a) => (a === 'code' ? 'name' : a)) }
    headings.splice(i + 1, 0, o.label('exports.columns.name', { column: String(headings[i] ?? '') }))
    hashtags.splice(i + 1, 0, formatHashtag(nameTag))
    for (const row of data) row.splice(i + 1, 0, names[String(row[i])] ?? row[i])
  }
  const checked = validateHxlRow(hashtags.map(String), headings.length)
  if (!checked.ok) return checked
  return ok([headings, hashtags, ...data])
}

/**
 * `toHxlRows` heads a pivoted column with the codes it stands for (`Travellers (F, 18-24)`); the reader gets
 * the names in their language instead. Columns are in the order `toHxlRows` meets them in the cells.
 */
function translatePivotHeadings(
  table: PublishedTable,
  headings: CsvValue[],
  rowCount: number,
  o: ExportRowsOptions,
): void {
  const isRow = (name: string) => HXL_ROW_DIMENSIONS[(name.split(':')[0] ?? '') as DimensionId] !== undefined
  const rowDims = table.dimensions.filter(isRow)
  const pivotDims = table.dimensions.filter((n) => !isRow(n))
  if (pivotDims.length === 0) return
  const columns = new Map<string, string[]>()
  for (const cell of table.cells) {
    if (rowDims.some((n) => (cell.key[n] ?? TOTAL) === TOTAL)) continue
    const values = pivotDims.map((n) => cell.key[n] ?? TOTAL)
    columns.set(values.join('\u001f'), values)
  }
  const measure = o.label(`statistics.measures.${o.measure}`)
  ;[...columns.values()].forEach((values, j) => {
    const detail = values.map((v, i) =>
      v === TOTAL ? o.label('statistics.export.total') : (o.labels[pivotDims[i] ?? '']?.[v] ?? v),
    )
    headings[rowCount + j] = `${measure} (${detail.join(', ')})`
  })
}
