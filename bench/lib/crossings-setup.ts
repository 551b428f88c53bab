/**
 * Setup of the crossings bench: a migrated, seeded database with the synthetic 1,000,000-entry alert list of the
 * screening bench, and the raw durable insert rate of the same database as the baseline.
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { personValues } from '../../src/app/screening/entries.repository.ts'
import { PersonEntryInput } from '../../src/app/screening/entry-input.ts'
import { createWatchlist } from '../../src/app/screening/manage-watchlists.ts'
import {
  bumpScreeningVersion,
  type Stamp,
  takeListVersion,
} from '../../src/app/screening/watchlists.repository.ts'
import { seed } from '../../src/app/seed.ts'
import type { Db, Store } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrate.ts'
import { syntheticEntries } from './screening-synthetic.ts'

const LIST_SEED = 20260401

const LIST = '00000000-0000-4000-8000-00000000b1b1'
const LIST_VERSION = 987_654_321
const CHANGE_VERSION = 987_654_322

/**
 * The synthetic list as `watchlist_persons` rows in the shape the import's own repository gives (`personValues`),
 * as JSON chunks of 10,000 rows, computed once and written to each engine with its own list id and versions. The
 * application's import validates line by line and takes about ten minutes for a million entries on this machine,
 * too long for a bench run.
 */
export function watchlistChunks(entries: number): string[] {
  const stamp: Stamp = { listId: LIST, listVersion: LIST_VERSION, changeVersion: CHANGE_VERSION }
  const now = new Date()
  const chunks: string[] = []
  let rows: unknown[] = []
  for (const e of syntheticEntries(entries, LIST_SEED)) {
    const entry = PersonEntryInput.parse({
      externalId: e.id,
      names: e.names,
      birthDate: e.birthDate,
      nationality: [e.nationality],
      sex: e.sex,
      category: 'wanted',
    })
    rows.push({
      ...personValues(entry, stamp, now),
      id: randomUUID(),
      external_id: e.id,
      created_at: now,
      names: entry.names,
      nationality: entry.nationality,
      documents: [],
    })
    if (rows.length === 10_000) {
      chunks.push(JSON.stringify(rows))
      rows = []
    }
  }
  if (rows.length) chunks.push(JSON.stringify(rows))
  return chunks
}

/** Writes the chunks as one new version of a new list, in one transaction, as an import would. */
export async function loadWatchlist(db: Db, chunks: string[]): Promise<number> {
  const started = performance.now()
  await db.transaction().execute(async (trx) => {
    const list = await createWatchlist({
      trx,
      actor: null,
      list: { name: 'Bench list', ownerAgency: 'GDI', kind: 'persons', description: '' },
      reason: 'crossings bench',
    })
    const listVersion = await takeListVersion(trx, list.id)
    const changeVersion = await bumpScreeningVersion(trx)
    for (const chunk of chunks) {
      const rows = chunk
        .replaceAll(LIST, list.id)
        .replaceAll(`:${LIST_VERSION}`, `:${listVersion}`)
        .replaceAll(`:${CHANGE_VERSION}`, `:${changeVersion}`)
      await sql`INSERT INTO watchlist_persons
        SELECT * FROM jsonb_populate_recordset(null::watchlist_persons, ${rows}::jsonb)`.execute(trx)
    }
  })
  return (performance.now() - started) / 1000
}

export async function prepareDatabase(store: Store, password: string): Promise<void> {
  await migrateToLatest(store.db as never)
  await seed({ db: store.db, demo: true, demoPassword: password })
}

/**
 * Single-row durable inserts, each its own transaction (an INSERT and its commit), for `seconds`, with
 * `connections` writers at once: the most an engine commits per second, the ceiling of any recorded crossing.
 */
export async function rawInsertRate(db: Db, connections: number, seconds: number): Promise<number> {
  await sql`CREATE TABLE IF NOT EXISTS bench_raw_insert (id uuid PRIMARY KEY, at timestamptz NOT NULL,
    payload text NOT NULL)`.execute(db)
  let rows = 0
  const until = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        await sql`INSERT INTO bench_raw_insert VALUES (${randomUUID()}, now(), 'one crossing-sized row')`.execute(
          db,
        )
        rows++
      }
    }),
  )
  return rows / ((performance.now() - started) / 1000)
}
