import type { Kysely, Transaction } from 'kysely'
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

/**
 * Thrown inside a store transaction to end it with a rollback and answer `answer(db)` instead, once the rollback is
 * done (`idempotency.ts`: a create retried under a key the first attempt already holds rolls back whatever it did
 * and answers the first attempt's result).
 */
export class AnswerAfterRollback<T> extends Error {
  constructor(readonly answer: (db: Kysely<Database>) => Promise<T>) {
    super('answered after the transaction rolled back')
  }
}
