import { randomUUID } from 'node:crypto'
import type { Tx } from '../../platform/db/database.ts'
import {
  confirmEntries,
  documentValues,
  existingByExternalId,
  insertDocuments,
  insertPersons,
  personValues,
  setPersonDocuments,
} from './entries.repository.ts'
import { DocumentEntryInput, type EntryKind, PersonEntryInput } from './entry-input.ts'
import type { ImportItem } from './import/records.ts'
import { storableText } from './storable.ts'
import type { Stamp } from './watchlists.repository.ts'

export interface Rejection {
  line: number
  code: string
  params: Record<string, string | number>
}

export interface ImportReport {
  listId: string
  version: number
  read: number
  added: number
  changed: number
  removed: number
  unchanged: number
  skipped: number
  /** The importer confirmed the removals (an empty file, or more than the allowed share of the list). */
  removalsConfirmed: boolean
  /** Country values the file holds that map to no country: left off the entries, listed here with their count. */
  unmappedCountries: { value: string; records: number }[]
}

export type Valid =
  | { line: number; kind: 'person'; externalId: string; entry: PersonEntryInput }
  | { line: number; kind: 'document'; externalId: string; entry: DocumentEntryInput }

/** Checks one read record against the entry schema and the list's kind; a failure becomes a rejected line. */
export function validate(
  item: ImportItem,
  listKind: string,
  reject: (r: Rejection) => void,
): Valid | undefined {
  if (item.kind === 'skipped') return undefined
  if (item.kind === 'rejected') {
    reject({ line: item.line, code: item.code, params: item.params ?? {} })
    return undefined
  }
  if (
    (listKind === 'persons' && item.kind === 'document') ||
    (listKind === 'documents' && item.kind === 'person')
  ) {
    reject({ line: item.line, code: 'wrong_kind', params: { kind: item.kind } })
    return undefined
  }
  const schema = item.kind === 'person' ? PersonEntryInput : DocumentEntryInput
  const externalId = storableText(item.externalId.slice(0, 200))
  const parsed = schema.safeParse({ ...item.entry, externalId })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    reject({
      line: item.line,
      code: 'bad_value',
      params: { column: issue.path.join('.') || '-', value: issue.code },
    })
    return undefined
  }
  return { ...item, externalId, entry: parsed.data } as Valid
}

export async function writeBatch(
  trx: Tx,
  batch: Valid[],
  stamp: Stamp,
  report: ImportReport,
  reject: (r: Rejection) => void,
) {
  for (const kind of ['person', 'document'] as const) {
    const mine = batch.filter((b) => b.kind === kind)
    if (mine.length === 0) continue
    await writeKind(trx, kind, mine, stamp, report, reject)
  }
}

async function writeKind(
  trx: Tx,
  kind: EntryKind,
  rows: Valid[],
  stamp: Stamp,
  report: ImportReport,
  reject: (r: Rejection) => void,
) {
  const table = kind === 'person' ? 'watchlist_persons' : 'watchlist_documents'
  const existing = await existingByExternalId(
    trx,
    table,
    stamp.listId,
    rows.map((r) => r.externalId),
  )
  const seen = new Set<string>()
  const inserts: { id: string; entry: never; externalId: string }[] = []
  const confirm: string[] = []
  const changedPersons: { id: string; entry: PersonEntryInput }[] = []
  for (const r of rows) {
    const old = existing.get(r.externalId)
    if (seen.has(r.externalId) || old?.listVersion === stamp.listVersion) {
      reject({ line: r.line, code: 'duplicate_id', params: { id: r.externalId } })
      continue
    }
    seen.add(r.externalId)
    if (!old) {
      inserts.push({ id: randomUUID(), entry: r.entry as never, externalId: r.externalId })
      report.added++
      continue
    }
    const values = r.kind === 'person' ? personValues(r.entry, stamp) : documentValues(r.entry, stamp)
    if (!old.removed && old.fingerprint === values.fingerprint) {
      confirm.push(old.id)
      report.unchanged++
      continue
    }
    if (old.removed) report.added++
    else report.changed++
    if (r.kind === 'person') {
      await trx
        .updateTable('watchlist_persons')
        .set(personValues(r.entry, stamp))
        .where('id', '=', old.id)
        .execute()
      changedPersons.push({ id: old.id, entry: r.entry })
    } else {
      await trx
        .updateTable('watchlist_documents')
        .set(documentValues(r.entry, stamp))
        .where('id', '=', old.id)
        .execute()
    }
  }
  if (kind === 'person') await insertPersons(trx, inserts, stamp)
  else await insertDocuments(trx, inserts, stamp)
  await setPersonDocuments(trx, changedPersons)
  await confirmEntries(trx, table, confirm, stamp.listVersion)
}
