import { createHash } from 'node:crypto'
import type { Returnee, ReturnType } from '../../domain/returns/index.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { FileRefused, type ReadLimits } from '../../platform/files/file-refused.ts'
import { runInWorker } from '../../platform/files/run-in-worker.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { ListCheck, ListJob } from './return-list.worker.ts'
import type { ListFormat } from './return-list-reader.ts'

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

/** A file that cannot be read as a table at all: refused whole, with the row where reading stopped. */
export function unreadable(
  code: string,
  row: number | null = null,
  params: Record<string, unknown> = {},
): AppError {
  return new AppError('validation_failed', {}, [
    {
      path: row ? `file.row.${row}` : 'file',
      code: `returns.errors.${code}`,
      params: row ? { row, ...params } : params,
    },
  ])
}

const WORKER = new URL('./return-list.worker.ts', import.meta.url)

/**
 * Reads and checks every row before anything is written, so an unreadable file changes nothing. The reading runs
 * in a parsing worker under the limits: a hostile workbook costs that worker, never the request thread.
 */
export async function readList(o: {
  format: ListFormat
  bytes: Buffer
  returnType: ReturnType
  provinces: Map<string, string>
  limits: ReadLimits
}) {
  const job: ListJob = {
    format: o.format,
    returnType: o.returnType,
    provinces: [...o.provinces],
    today: todayInCambodia(),
    limits: o.limits,
  }
  let check: ListCheck | undefined
  try {
    for await (const c of runInWorker<ListCheck>({
      module: WORKER,
      export: 'checkReturnList',
      job,
      source: [o.bytes],
    }))
      check = c
  } catch (err) {
    if (err instanceof FileRefused) throw unreadable(err.code, err.line || null, err.params)
    throw err
  }
  if (!check) throw unreadable('empty_list')
  if (check.kind === 'columns')
    throw new AppError(
      'validation_failed',
      {},
      check.issues.map((i) => ({
        path: `file.row.${i.row}`,
        code: `returns.errors.${i.code}`,
        params: { row: i.row, column: i.column ?? '' },
      })),
    )
  return check
}
