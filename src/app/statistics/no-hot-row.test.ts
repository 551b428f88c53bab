import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../platform/db/database.ts'
import { engines, openTestStore } from '../../test/test-db.ts'
import { foldDeltaBatch, foldDeltas } from './fold-deltas.ts'
import { insertCrossings } from './statistics.testing.ts'

/** A gate: a promise and the function that opens it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {}
  const wait = new Promise<void>((resolve) => {
    open = resolve
  })
  return { wait, open }
}

const POIPET = { day: '2026-04-14', post: 'LAND-POIPET', direction: 'entry', decision: 'admit' } as const

async function poipetApril(store: Store, view: '' | '_now'): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT coalesce(sum(count), 0)::int AS n
    FROM ${sql.table(`stat_crossings_post_month${view}`)}
    WHERE post_code = 'LAND-POIPET' AND month = '2026-04-01'`.execute(store.db)
  return rows[0]?.n ?? 0
}

// Only PostgreSQL has several connections; PGlite's single session serialises every transaction anyway.
const postgres = engines().filter((e) => e === 'postgres')

describe.skipIf(postgres.length === 0)('crossings recorded at one post on PostgreSQL', () => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore('postgres')
  })
  afterAll(() => store.close())

  it('commit side by side: no statistics row is shared by two open writers, and a fold waits for neither', async () => {
    const before = await poipetApril(store, '_now')
    const aWrote = gate()
    const bDone = gate()
    // Transaction A records a movement at Poipet and stays open until B has committed.
    const a = store.db.transaction().execute(async (trx) => {
      await insertCrossings(trx, [POIPET])
      aWrote.open()
      await bDone.wait
    })
    await aWrote.wait
    // B, on another connection, records another movement at Poipet the same month and commits while A is open.
    // Under the old upserting triggers it waited for A's row lock on the month's rollup row (a lock timeout here).
    await store.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL lock_timeout = '10s'`.execute(trx)
      await insertCrossings(trx, [POIPET])
    })
    // A fold, also while A is open, counts B's committed delta and cannot see A's.
    const folded = await store.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL lock_timeout = '10s'`.execute(trx)
      return foldDeltaBatch(trx)
    })
    expect(folded).toBeGreaterThanOrEqual(1)
    expect(await poipetApril(store, '')).toBe(before + 1)
    bDone.open()
    await a
    expect(await poipetApril(store, '_now')).toBe(before + 2)
    await foldDeltas({ db: store.db })
    expect(await poipetApril(store, '')).toBe(before + 2)
  })

  it('lets one folder at a time work: a second one finds the lock taken and leaves the queue to it', async () => {
    // Three cells, so three deltas: one statement's crossings in the same cell make one delta.
    const days = ['2026-04-14', '2026-04-15', '2026-04-16']
    await insertCrossings(
      store.db,
      days.map((day) => ({ ...POIPET, day })),
    )
    const firstHolds = gate()
    const release = gate()
    const first = store.db.transaction().execute(async (trx) => {
      const n = await foldDeltaBatch(trx, 1)
      firstHolds.open()
      await release.wait
      return n
    })
    await firstHolds.wait
    const second = await store.db.transaction().execute((trx) => foldDeltaBatch(trx))
    release.open()
    expect(await first).toBe(1)
    expect(second).toBeNull()
    const rest = await foldDeltas({ db: store.db })
    expect(rest).toEqual({ folded: 2, drained: true })
  })
})
