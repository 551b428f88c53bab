import { createHash } from 'node:crypto'
import {
  mapColumns,
  parseListRow,
  type Returnee,
  type ReturnType,
  type RowIssue,
} from '../../domain/returns/index.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { type ListFormat, readListRows, unreadable } from './return-list-reader.ts'

export interface ValidRow {
  row: number
  key: string
  returnee: Returnee
  groupLabel: string | null
}

export const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex')

/** A group label of a list always means the same group, also when the list is imported again. */
export function groupId(postCode: string, listRef: string, label: string): string {
  const h = sha256(`${postCode}\u0000${listRef}\u0000${label}`)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** Reads and checks every row before anything is written, so an unreadable file changes nothing. */
export async function readList(o: {
  format: ListFormat
  bytes: Buffer
  returnType: ReturnType
  provinces: Map<string, string>
}) {
  const rows = readListRows(o.format, o.bytes)
  const header = await rows.next()
  if (header.done) throw unreadable('empty_list')
  const columns = mapColumns(header.value.map((c) => c ?? ''))
  if (!columns.ok)
    throw new AppError(
      'validation_failed',
      {},
      columns.issues.map((i) => ({
        path: `file.row.${i.row}`,
        code: `returns.errors.${i.code}`,
        params: { row: i.row, column: i.column ?? '' },
      })),
    )
  const ctx = { today: todayInCambodia(), provinceByName: o.provinces, returnType: o.returnType }
  const valid: ValidRow[] = []
  const issues: RowIssue[] = []
  const keys = new Map<string, number>()
  let total = 0
  let row = 1
  for await (const cells of rows) {
    row++
    const parsed = parseListRow(cells, columns.map, row, ctx)
    if (parsed.kind === 'blank') continue
    total++
    if (parsed.kind === 'invalid') {
      issues.push(...parsed.issues)
      continue
    }
    // The list's own number identifies a row across corrected uploads; without one, the row's content does.
    const key = parsed.listNo
      ? `no:${parsed.listNo}`
      : `sha:${sha256(JSON.stringify(parsed.returnee)).slice(0, 32)}`
    const first = keys.get(key)
    if (first !== undefined) {
      issues.push({
        row,
        column: parsed.listNo ? 'list_no' : null,
        code: parsed.listNo ? 'duplicate_list_no' : 'duplicate_row',
        params: { first },
      })
      continue
    }
    keys.set(key, row)
    valid.push({ row, key, returnee: parsed.returnee, groupLabel: parsed.groupLabel })
  }
  if (total === 0) throw unreadable('empty_list')
  const rejectedRows = new Set(issues.map((i) => i.row)).size
  return { valid, issues, total, rejectedRows, ignored: columns.map.ignored }
}
