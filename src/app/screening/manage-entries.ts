import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import {
  documentValues,
  type EntryTable,
  insertDocuments,
  insertPersons,
  personValues,
  removeEntries,
  setPersonDocuments,
} from './entries.repository.ts'
import type { DocumentEntryInput, EntryKind, PersonEntryInput } from './entry-input.ts'
import { lockOwnedList, systemActor } from './manage-watchlists.ts'
import { storableText } from './storable.ts'
import { bumpScreeningVersion, recordListVersion, takeListVersion } from './watchlists.repository.ts'

type Entry = { kind: 'person'; entry: PersonEntryInput } | { kind: 'document'; entry: DocumentEntryInput }

const TABLE: Record<EntryKind, EntryTable> = { person: 'watchlist_persons', document: 'watchlist_documents' }

/**
 * Every manual change is one list version and one screening version, written with its audit entry (and the
 * reason the officer gave) in the caller's transaction.
 */
async function begin(trx: Tx, actor: RequestActor | null, listId: string, kind: EntryKind) {
  const list = await lockOwnedList(trx, actor, listId)
  if ((list.kind === 'persons' && kind === 'document') || (list.kind === 'documents' && kind === 'person')) {
    throw new AppError('rule_violation', { reason: 'wrong_kind_for_list' })
  }
  const listVersion = await takeListVersion(trx, list.id)
  const changeVersion = await bumpScreeningVersion(trx)
  return { list, stamp: { listId: list.id, listVersion, changeVersion } }
}

async function finish(
  o: { trx: Tx; actor: RequestActor | null; reason: string },
  s: { listId: string; listVersion: number },
  audit: { action: string; kind: EntryKind; id: string; details: Record<string, unknown> },
  counts: { added: number; changed: number; removed: number },
) {
  await recordListVersion(o.trx, {
    listId: s.listId,
    version: s.listVersion,
    source: 'manual',
    fileName: null,
    createdBy: o.actor?.id ?? null,
    ...counts,
  })
  await appendAudit(o.trx, o.actor ? auditActor(o.actor) : systemActor, {
    action: audit.action,
    resource: `watchlist_${audit.kind}`,
    recordId: audit.id,
    details: { listId: s.listId, listVersion: s.listVersion, reason: o.reason, ...audit.details },
  })
}

export async function addEntry(
  o: { trx: Tx; actor: RequestActor | null; listId: string; reason: string } & Entry,
) {
  const { stamp } = await begin(o.trx, o.actor, o.listId, o.kind)
  const id = randomUUID()
  const externalId = storableText(o.entry.externalId ?? id)
  const taken = await o.trx
    .selectFrom(TABLE[o.kind])
    .select('id')
    .where('list_id', '=', o.listId)
    .where('external_id', '=', externalId)
    .executeTakeFirst()
  if (taken) throw new AppError('conflict', { reason: 'external_id_taken' })
  if (o.kind === 'person') await insertPersons(o.trx, [{ id, entry: o.entry, externalId }], stamp)
  else await insertDocuments(o.trx, [{ id, entry: o.entry, externalId }], stamp)
  await finish(
    o,
    stamp,
    { action: 'create', kind: o.kind, id, details: { entry: o.entry } },
    { added: 1, changed: 0, removed: 0 },
  )
  return { id, kind: o.kind }
}

async function lockEntry(trx: Tx, kind: EntryKind, listId: string, entryId: string) {
  const row = await trx
    .selectFrom(TABLE[kind])
    .select(['id', 'removed_at'])
    .where('id', '=', entryId)
    .where('list_id', '=', listId)
    .forUpdate()
    .executeTakeFirst()
  if (!row || row.removed_at) throw new AppError('not_found')
  return row
}

export async function updateEntry(
  o: { trx: Tx; actor: RequestActor | null; listId: string; entryId: string; reason: string } & Entry,
) {
  const { stamp } = await begin(o.trx, o.actor, o.listId, o.kind)
  await lockEntry(o.trx, o.kind, o.listId, o.entryId)
  if (o.kind === 'person') {
    await o.trx
      .updateTable('watchlist_persons')
      .set(personValues(o.entry, stamp))
      .where('id', '=', o.entryId)
      .execute()
    await setPersonDocuments(o.trx, [{ id: o.entryId, entry: o.entry }])
  } else {
    await o.trx
      .updateTable('watchlist_documents')
      .set(documentValues(o.entry, stamp))
      .where('id', '=', o.entryId)
      .execute()
  }
  await finish(
    o,
    stamp,
    { action: 'update', kind: o.kind, id: o.entryId, details: { entry: o.entry } },
    { added: 0, changed: 1, removed: 0 },
  )
  return { id: o.entryId, kind: o.kind }
}

export async function removeEntry(o: {
  trx: Tx
  actor: RequestActor | null
  listId: string
  kind: EntryKind
  entryId: string
  reason: string
}) {
  const { stamp } = await begin(o.trx, o.actor, o.listId, o.kind)
  await lockEntry(o.trx, o.kind, o.listId, o.entryId)
  await removeEntries(o.trx, TABLE[o.kind], [o.entryId], stamp.changeVersion)
  await finish(
    o,
    stamp,
    { action: 'remove', kind: o.kind, id: o.entryId, details: {} },
    { added: 0, changed: 0, removed: 1 },
  )
  return { id: o.entryId, kind: o.kind }
}
