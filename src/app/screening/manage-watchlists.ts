import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { WatchlistRow } from './screening.tables.ts'
import { bumpScreeningVersion, findList, findListByName } from './watchlists.repository.ts'

export interface NewWatchlist {
  name: string
  ownerAgency: string
  kind: 'persons' | 'documents' | 'mixed'
  description: string
}

/** Only the owning agency (or an administrator) changes a list: the one check every list change passes. */
export function assertOwner(actor: RequestActor | null, list: WatchlistRow, action: 'read' | 'update') {
  if (actor && !can(actor, action, 'watchlist', { agencyCode: list.owner_agency })) {
    throw new AppError('forbidden', { action, resource: 'watchlist' })
  }
}

/** Locks the list row, so an entry change and an import of the same list take turns. */
export async function lockOwnedList(trx: Tx, actor: RequestActor | null, listId: string) {
  const list = await trx
    .selectFrom('watchlists')
    .selectAll()
    .where('id', '=', listId)
    .forUpdate()
    .executeTakeFirst()
  if (!list) throw new AppError('not_found')
  assertOwner(actor, list, 'update')
  return list
}

export async function createWatchlist(o: {
  trx: Tx
  actor: RequestActor | null
  list: NewWatchlist
  reason: string
}): Promise<WatchlistRow> {
  const l = o.list
  if (o.actor && !can(o.actor, 'create', 'watchlist', { agencyCode: l.ownerAgency }))
    throw new AppError('forbidden')
  const agency = await o.trx
    .selectFrom('agencies')
    .select('code')
    .where('code', '=', l.ownerAgency)
    .executeTakeFirst()
  if (!agency)
    throw new AppError('validation_failed', {}, [{ path: 'body.ownerAgency', code: 'unknown_agency' }])
  if (await findListByName(o.trx, l.name)) throw new AppError('conflict', { reason: 'name_taken' })
  const now = new Date()
  const row = await o.trx
    .insertInto('watchlists')
    .values({
      id: randomUUID(),
      name: l.name,
      owner_agency: l.ownerAgency,
      kind: l.kind,
      description: l.description,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, o.actor ? auditActor(o.actor) : systemActor, {
    action: 'create',
    resource: 'watchlist',
    recordId: row.id,
    details: { ...l, reason: o.reason },
  })
  return row
}

export async function updateWatchlist(o: {
  trx: Tx
  actor: RequestActor | null
  listId: string
  changes: { description?: string; active?: boolean }
  reason: string
}): Promise<WatchlistRow> {
  const list = await lockOwnedList(o.trx, o.actor, o.listId)
  const row = await o.trx
    .updateTable('watchlists')
    .set({ description: o.changes.description, active: o.changes.active, updated_at: new Date() })
    .where('id', '=', list.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  if (o.changes.active !== undefined && o.changes.active !== list.active) {
    // A list switched off or on changes what every index holds: its entries are reloaded everywhere.
    const version = await bumpScreeningVersion(o.trx)
    await o.trx
      .updateTable('watchlist_persons')
      .set({ change_version: version })
      .where('list_id', '=', list.id)
      .execute()
  }
  await appendAudit(o.trx, o.actor ? auditActor(o.actor) : systemActor, {
    action: 'update',
    resource: 'watchlist',
    recordId: list.id,
    details: { changes: o.changes, reason: o.reason },
  })
  return row
}

export async function getWatchlist(trx: Tx, actor: RequestActor, listId: string) {
  const list = await findList(trx, listId)
  if (!list) throw new AppError('not_found')
  assertOwner(actor, list, 'read')
  return list
}

/** The CLI runs with the operator's authority, like `passage users`. */
export const systemActor = { id: null, username: 'system', ip: null }
