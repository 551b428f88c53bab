import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { TEMPLATE_DB } from './constants.ts'
import { withDatabase } from './global-setup.ts'

/** Databases of the offline-post tests, on the national and the post cluster alike. */
const PREFIX = 'passage_offline_'

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await work(c)
  } finally {
    await c.end()
  }
}

/**
 * Drops one test database with its replication objects: a database holding a subscription cannot be dropped, and
 * a slot keeps WAL on its cluster for ever. Subscriptions are detached from their remote slot (which may be
 * unreachable), then this database's slots are dropped, their walsenders ended first.
 */
export async function dropOfflineDatabase(clusterUrl: string, name: string): Promise<void> {
  const url = withDatabase(clusterUrl, name)
  await withClient(url, async (c) => {
    const subs = await c.query(`SELECT subname FROM pg_subscription WHERE subdbid =
      (SELECT oid FROM pg_database WHERE datname = current_database())`)
    for (const { subname } of subs.rows) {
      await c.query(`ALTER SUBSCRIPTION ${subname} DISABLE`)
      await c.query(`ALTER SUBSCRIPTION ${subname} SET (slot_name = NONE)`)
      await c.query(`DROP SUBSCRIPTION ${subname}`)
    }
  }).catch(() => {})
  await withClient(clusterUrl, async (c) => {
    await c.query(
      `SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots
      WHERE database = $1 AND active_pid IS NOT NULL`,
      [name],
    )
    for (let attempt = 0; attempt < 20; attempt++) {
      const left = await c.query(`SELECT slot_name, active FROM pg_replication_slots WHERE database = $1`, [
        name,
      ])
      if (left.rowCount === 0) break
      for (const s of left.rows)
        if (!s.active) await c.query('SELECT pg_drop_replication_slot($1)', [s.slot_name])
      await new Promise((r) => setTimeout(r, 100))
    }
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  })
}

/** Removes what an interrupted run left on a cluster, so it cannot hold WAL or block the next run. */
export async function dropLeftovers(clusterUrl: string): Promise<void> {
  const { rows } = await withClient(clusterUrl, (c) =>
    c.query(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`),
  )
  for (const r of rows) await dropOfflineDatabase(clusterUrl, r.datname)
}

/** A new database: a copy of the migrated, seeded test template (national), or empty (a post to set up). */
export async function createOfflineDatabase(
  clusterUrl: string,
  from: 'template' | 'empty',
  /** Another file's prefix, out of reach of `dropLeftovers` when both files run at once. */
  prefix = PREFIX,
): Promise<{ name: string; url: string }> {
  const name = `${prefix}${randomBytes(5).toString('hex')}`
  await withClient(clusterUrl, (c) =>
    c.query(`CREATE DATABASE ${name}${from === 'template' ? ` TEMPLATE ${TEMPLATE_DB}` : ''}`),
  )
  return { name, url: withDatabase(clusterUrl, name) }
}
