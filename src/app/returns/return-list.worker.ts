import { createHash } from 'node:crypto'
import { mapColumns, parseListRow, type ReturnType, type RowIssue } from '../../domain/returns/index.ts'
import { FileRefused, type ReadLimits } from '../../platform/files/file-refused.ts'
import type { ValidRow } from './read-return-list.ts'
import { type ListFormat, readListRows } from './return-list-reader.ts'

export interface ListJob {
  format: ListFormat
  returnType: ReturnType
  provinces: [string, string][]
  today: string
  limits: ReadLimits
}

export type ListCheck =
  | { kind: 'columns'; issues: RowIssue[] }
  | {
      kind: 'rows'
      valid: ValidRow[]
      issues: RowIssue[]
      total: number
      rejectedRows: number
      ignored: string[]
    }

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/**
 * Reads and checks every row of a return list, in a parsing worker (run by `readList`): the file's bytes come in,
 * one `ListCheck` goes out. Nothing here touches the database.
 */
export async function* checkReturnList(
  job: ListJob,
  input: AsyncIterable<Uint8Array>,
): AsyncGenerator<ListCheck> {
  const parts: Uint8Array[] = []
  for await (const chunk of input) parts.push(chunk)
  const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
  const rows = readListRows(job.format, bytes, job.limits)
  const ctx = { today: job.today, provinceByName: new Map(job.provinces), returnType: job.returnType }
  let columns: globalThis.ReturnType<typeof mapColumns> | undefined
  const valid: ValidRow[] = []
  const issues: RowIssue[] = []
  const keys = new Map<string, number>()
  let total = 0
  let row = 0
  for await (const cells of rows) {
    row++
    if (!columns) {
      columns = mapColumns(cells.map((c) => c ?? ''))
      if (!columns.ok) {
        yield { kind: 'columns', issues: columns.issues }
        return
      }
      continue
    }
    if (!columns.ok) return
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
  if (!columns?.ok || total === 0) throw new FileRefused('empty_list')
  const rejectedRows = new Set(issues.map((i) => i.row)).size
  yield { kind: 'rows', valid, issues, total, rejectedRows, ignored: columns.map.ignored }
}
