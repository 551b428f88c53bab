import type { CsvValue } from '../files/csv.ts'
import { type AgeBand, DEFAULT_AGE_BANDS } from './age-bands.ts'
import { type DimensionId, resolveDimensions } from './dimensions.ts'
import { ok, type Result } from './errors.ts'
import { formatHashtag, validateHxlRow } from './hxl.ts'
import { HXL_MEASURES, HXL_ROW_DIMENSIONS, type Measure, pivotAttributes } from './hxl-mapping.ts'
import { type PublishedTable, TOTAL } from './suppress-aggregate.ts'

export type Label = (key: string, params?: Record<string, string | number>) => string

export interface HxlExportOptions {
  measure: Measure
  /** Turns a message key into the heading in the reader's language; the domain loads no catalogue. */
  label: Label
  ageBands?: readonly AgeBand[]
}

/**
 * A published (already suppressed) table as rows for `toCsv`: a heading row, the HXL hashtag row, then the
 * data. Dimensions with an HXL hashtag become columns; the others are pivoted into measure columns as
 * attributes (`#affected+returnees+f+adults+age_18_24`), which is how HXL disaggregates a figure.
 * Withheld cells are left empty; totals over row dimensions are left out (they stay in the JSON form).
 */
export function toHxlRows(table: PublishedTable, options: HxlExportOptions): Result<CsvValue[][]> {
  const resolved = resolveDimensions(table.dimensions, Number.POSITIVE_INFINITY)
  if (!resolved.ok) return resolved
  const bands = options.ageBands ?? DEFAULT_AGE_BANDS
  const ids = new Map<string, DimensionId>(resolved.value.map((d) => [d.name, d.definition.id]))
  const rowDims = table.dimensions.filter((n) => HXL_ROW_DIMENSIONS[ids.get(n) ?? 'outcome'] !== undefined)
  const pivotDims = table.dimensions.filter((n) => !rowDims.includes(n))

  const rowKeys = new Map<string, string[]>()
  const columnKeys = new Map<string, string[]>()
  const values = new Map<string, number | null>()
  for (const cell of table.cells) {
    const rowValues = rowDims.map((n) => cell.key[n] ?? TOTAL)
    if (rowValues.includes(TOTAL)) continue
    const columnValues = pivotDims.map((n) => cell.key[n] ?? TOTAL)
    const r = rowValues.join('\u001f')
    const c = columnValues.join('\u001f')
    rowKeys.set(r, rowValues)
    columnKeys.set(c, columnValues)
    values.set(`${r}\u001e${c}`, cell.count)
  }

  const measureTag = HXL_MEASURES[options.measure]
  const measureLabel = options.label(`statistics.measures.${options.measure}`)
  const headings: CsvValue[] = rowDims.map((n) => options.label(`statistics.dimensions.${ids.get(n)}`))
  const hashtags: string[] = rowDims.map((n) =>
    formatHashtag(HXL_ROW_DIMENSIONS[ids.get(n) ?? 'period'] ?? measureTag),
  )
  for (const columnValues of columnKeys.values()) {
    const attributes = columnValues.flatMap((v, i) =>
      pivotAttributes(ids.get(pivotDims[i] ?? '') ?? 'outcome', v, bands),
    )
    const isTotal = pivotDims.length > 0 && columnValues.every((v) => v === TOTAL)
    hashtags.push(
      formatHashtag({
        tag: measureTag.tag,
        attributes: [...measureTag.attributes, ...attributes, ...(isTotal ? ['total'] : [])],
      }),
    )
    const detail = columnValues
      .map((v) => (v === TOTAL ? options.label('statistics.export.total') : v))
      .join(', ')
    headings.push(pivotDims.length === 0 ? measureLabel : `${measureLabel} (${detail})`)
  }

  const checked = validateHxlRow(hashtags, headings.length)
  if (!checked.ok) return checked
  const data = [...rowKeys].map(([r, rowValues]) => [
    ...rowValues,
    ...[...columnKeys.keys()].map((c) => values.get(`${r}\u001e${c}`) ?? null),
  ])
  return ok([headings, hashtags, ...data])
}
