import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'

const TABLES = ['watchlist_persons', 'watchlist_documents'] as const

/** Entries of a list in force; with `olderThan`, only those not confirmed by that version (an import's removals). */
export async function liveEntries(trx: Tx, listId: string, olderThan?: number): Promise<number> {
  let n = 0
  for (const table of TABLES) {
    let q = trx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('list_id', '=', listId)
      .where('removed_at', 'is', null)
    if (olderThan !== undefined) q = q.where('list_version', '<', olderThan)
    n += Number((await q.executeTakeFirstOrThrow()).n)
  }
  return n
}

/**
 * An import that would remove more than `maxShare` of a list's entries, or that holds no entries at all, is
 * refused unless the importer confirmed it: an empty or truncated file must never silently empty a list that
 * screening relies on. Called inside the import's transaction, after its entries are written and before the
 * others are removed, so a refusal keeps nothing.
 */
export async function guardRemovals(o: {
  trx: Tx
  listId: string
  version: number
  /** Entries in force before the import. */
  before: number
  read: number
  maxShare: number
  confirmed: boolean
}): Promise<void> {
  const removing = await liveEntries(o.trx, o.listId, o.version)
  const tooMany = removing > 0 && removing > o.before * o.maxShare
  if (!o.confirmed && (o.read === 0 || tooMany))
    throw new AppError('removals_unconfirmed', { removed: removing, total: o.before, read: o.read })
}
