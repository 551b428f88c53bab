import type { Transaction } from 'kysely'
import type { Database } from './schema.ts'

/** The transactions a store opened with `db.transaction().execute(…)` that are still open (`database.ts`). */
export const storeTransactions = new WeakSet<Transaction<Database>>()

/**
 * Whether `trx` is an open store transaction, ended by the store's own `commit`: deferred writes
 * (`deferred-writes.ts`) wait for that commit and travel with it; anywhere else they are sent at once.
 */
export function isStoreTransaction(trx: Transaction<Database>): boolean {
  return storeTransactions.has(trx)
}
