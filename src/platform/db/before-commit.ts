import type { Transaction } from 'kysely'
import type { Database } from './schema.ts'

type Tx = Transaction<Database>
export type Work = (trx: Tx) => Promise<void>
/** Each open store transaction's end-of-transaction work (filled by `StoreKysely` in `database.ts`). */
export const beforeCommitWork = new WeakMap<object, Work[]>()

/**
 * Runs `work` at the end of `trx`, after its callback and before its commit, in the same transaction (a failure
 * rolls it all back). Returns false when `trx` was not opened by `db.transaction().execute(…)` of a store, and
 * the caller then does the work at once. Deferred writes (`deferred-writes.ts`) use it to send a transaction's
 * last writes in one statement at the end.
 */
export function beforeCommit(trx: Tx, work: Work): boolean {
  const list = beforeCommitWork.get(trx)
  if (!list) return false
  list.push(work)
  return true
}
