import { sql } from 'kysely'
import type { Store } from './database.ts'

/** What `fn` sent through `store`: its statements and round trips, with its value or the error it ended with. */
export async function tripsOf<T>(store: Store, fn: () => Promise<T>) {
  const before = store.statements.snapshot()
  const outcome = await fn().then(
    (value) => ({ value, error: null }),
    (err: unknown) => ({ value: null, error: err as { code?: string } }),
  )
  const after = store.statements.snapshot()
  return {
    ...outcome,
    statements: after.statements - before.statements,
    trips: after.roundTrips - before.roundTrips,
  }
}

/** Whether the store's connections are outside any transaction: inside one `now()` stands still. */
export async function outsideAnyTransaction(store: Store): Promise<boolean> {
  const first = await sql<{ t: string }>`SELECT now()::text AS t`.execute(store.db)
  await new Promise((r) => setTimeout(r, 5))
  const second = await sql<{ t: string }>`SELECT now()::text AS t`.execute(store.db)
  return first.rows[0]!.t !== second.rows[0]!.t
}
