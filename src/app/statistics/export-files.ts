import writeXlsxFile from 'write-excel-file/node'
import { type CsvValue, toCsvBytes } from '../../domain/files/csv.ts'

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
}

/** `passage-travellers-2026-01-01-to-2026-03-31-2026-04-02.csv`: what, which period, made when. */
export function exportFileName(o: {
  subject: string
  from: string
  to: string
  madeOn: string
  format: ExportFormat | 'pdf'
}): string {
  const subject = o.subject.replace(/[^A-Za-z0-9-]+/g, '-')
  return `passage-${subject}-${o.from}-to-${o.to}-${o.madeOn}.${o.format}`
}

/** UTF-8 with a byte order mark so that Excel opens Khmer names as Khmer; formulas neutralised. */
export function csvFile(rows: readonly (readonly CsvValue[])[]): Buffer {
  return Buffer.from(toCsvBytes(rows, { bom: true }))
}

/**
 * The data sheet keeps the CSV's layout (headings, HXL row, data) so that HXL tools read either file the
 * same way; a second sheet carries the notes a reader needs: period, disclosure control, noise.
 * Text cells are typed as strings, so a value such as `=1+1` is shown, never evaluated.
 */
export async function xlsxFile(o: {
  rows: readonly (readonly CsvValue[])[]
  notes: readonly (readonly [string, string | number])[]
  sheetNames: { data: string; notes: string }
}): Promise<Buffer> {
  const cell = (v: CsvValue) =>
    v === null || v === undefined
      ? null
      : typeof v === 'number'
        ? { value: v, type: Number }
        : { value: v, type: String }
  const data = o.rows.map((row, i) =>
    row.map((v) => {
      const c = cell(v)
      return c && i < 2 ? { ...c, fontWeight: 'bold' as const } : c
    }),
  )
  const notes = o.notes.map(([k, v]) => [cell(k), cell(v)])
  return writeXlsxFile(
    [
      { data, sheet: sanitiseSheetName(o.sheetNames.data), stickyRowsCount: 2 },
      { data: notes, sheet: sanitiseSheetName(o.sheetNames.notes), columns: [{ width: 32 }, { width: 60 }] },
    ],
    {},
  ).toBuffer()
}

/** Excel refuses sheet names over 31 characters or with `[]:*?/\`. */
function sanitiseSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)
}
