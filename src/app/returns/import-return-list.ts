import { randomUUID } from 'node:crypto'
import type { ReturnType } from '../../domain/returns/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { yieldToOthers } from '../../platform/db/yield-to-others.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { ReadLimits } from '../../platform/files/file-refused.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { groupId, readList, sha256 } from './read-return-list.ts'
import { registrationPost } from './register-returnee.ts'
import type { ListFormat } from './return-list-reader.ts'
import { provinceLookup, returneeColumns } from './returns.repository.ts'
import type { ReturnImportRow } from './returns.tables.ts'

/** Rows written per transaction: short enough that the counters of the same post keep registering meanwhile. */
export const IMPORT_BATCH = 250
/** Issues kept in a report; the count goes on beyond it. */
const MAX_LISTED = 1000
/** An import not heard from for this long was cut off (a killed process); uploading the file again resumes it. */
const STALE_MS = 60_000

export interface ImportProgress {
  importId: string
  total: number
  processed: number
}

/**
 * Imports a return list at a post. Valid rows are registered and invalid ones reported row by row (row, column,
 * message key); a row is written whole or not at all. Every row carries the list reference and its key, unique per
 * post, so uploading the same file again — or a corrected one — adds only the rows not yet registered; the same file
 * (by digest) returns its first report. This use case runs several transactions (one per batch, each with its audit
 * entry) rather than one: a long import must not hold the embedded database's single connection.
 */
export async function importReturnList(o: {
  db: Db
  actor: RequestActor
  postCode: string | null
  listRef: string
  returnType: ReturnType
  format: ListFormat
  fileName: string | null
  bytes: Buffer
  /** Inflated bytes, rows and cell length the reader accepts (`config.imports`). */
  limits: ReadLimits
  onStart?(p: ImportProgress): void
  onProgress?(p: ImportProgress): void
}): Promise<{ report: ReturnImportRow; replayed: boolean }> {
  const { db, actor } = o
  const postCode = await db.transaction().execute((trx) => registrationPost(trx, actor, o.postCode))
  const digest = sha256(o.bytes)
  const prior = await db
    .selectFrom('return_imports')
    .selectAll()
    .where('post_code', '=', postCode)
    .where('list_ref', '=', o.listRef)
    .where('file_sha256', '=', digest)
    .executeTakeFirst()
  if (prior?.state === 'done') return { report: prior, replayed: true }
  if (prior && Date.now() - new Date(prior.updated_at).getTime() < STALE_MS)
    throw new AppError('conflict', {}, [{ path: 'file', code: 'returns.errors.import_running' }])

  const list = await readList({ ...o, provinces: await provinceLookup(db) })
  const importId = prior?.id ?? randomUUID()
  const listed = list.issues.slice(0, MAX_LISTED)
  await db.transaction().execute(async (trx) => {
    const now = new Date()
    const values = {
      total_rows: list.total,
      processed_rows: list.rejectedRows,
      rejected: list.rejectedRows,
      issues: JSON.stringify(listed),
      ignored_columns: JSON.stringify(list.ignored),
      updated_at: now,
    }
    if (prior) await trx.updateTable('return_imports').set(values).where('id', '=', importId).execute()
    else
      await trx
        .insertInto('return_imports')
        .values({
          id: importId,
          post_code: postCode,
          list_ref: o.listRef,
          file_sha256: digest,
          file_name: o.fileName,
          format: o.format,
          return_type: o.returnType,
          state: 'running',
          created_by: actor.id,
          created_at: now,
          ...values,
        })
        .execute()
    await appendAudit(trx, auditActor(actor), {
      action: prior ? 'resume_import' : 'start_import',
      resource: 'return_list',
      recordId: importId,
      details: {
        postCode,
        listRef: o.listRef,
        sha256: digest,
        fileName: o.fileName,
        rows: list.total,
        rejected: list.rejectedRows,
      },
    })
  })
  const progress = { importId, total: list.total, processed: list.rejectedRows }
  o.onStart?.({ ...progress })
  for (let i = 0; i < list.valid.length; i += IMPORT_BATCH) {
    const batch = list.valid.slice(i, i + IMPORT_BATCH)
    await db.transaction().execute(async (trx) => {
      const now = new Date()
      const day = todayInCambodia(now)
      const inserted = await trx
        .insertInto('returnees')
        .values(
          batch.map((v) => ({
            id: randomUUID(),
            post_code: postCode,
            registered_at: now,
            registered_on: day,
            registered_by: actor.id,
            agency_code: actor.agencyCode,
            ...returneeColumns(v.returnee),
            group_id: v.groupLabel ? groupId(postCode, o.listRef, v.groupLabel) : null,
            referral_id: null,
            import_id: importId,
            list_ref: o.listRef,
            list_key: v.key,
            updated_at: null,
            updated_by: null,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['post_code', 'list_ref', 'list_key']).where('list_ref', 'is not', null).doNothing(),
        )
        .returning('id')
        .execute()
      await trx
        .updateTable('return_imports')
        .set((eb) => ({
          processed_rows: eb('processed_rows', '+', batch.length),
          added: eb('added', '+', inserted.length),
          already_registered: eb('already_registered', '+', batch.length - inserted.length),
          updated_at: now,
        }))
        .where('id', '=', importId)
        .execute()
      await appendAudit(trx, auditActor(actor), {
        action: 'import',
        resource: 'return_list',
        recordId: importId,
        details: { rows: [batch[0]!.row, batch.at(-1)!.row], added: inserted.length },
      })
    })
    progress.processed += batch.length
    o.onProgress?.({ ...progress })
    await yieldToOthers()
  }
  const report = await db
    .updateTable('return_imports')
    .set({ state: 'done', updated_at: new Date() })
    .where('id', '=', importId)
    .returningAll()
    .executeTakeFirstOrThrow()
  return { report, replayed: false }
}
