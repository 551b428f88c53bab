import pg from 'pg'
import {
  CENTRE_PUBLICATION,
  CENTRE_TABLES,
  historyPublication,
  nationalPublications,
  nationalSlot,
  nationalSubscription,
  POST_SLOT,
  POST_SUBSCRIPTION,
  postInsertPublication,
  postPublication,
  postPublications,
  postSlug,
  subscriptionSql,
} from './publications.ts'

export const REPLICATION_ROLE = 'passage_replication'

export interface InitPostOptions {
  /** Administrator connections the command itself uses. */
  nationalUrl: string
  postUrl: string
  postCode: string
  /** How each server reaches the other (through the VPN); default: the administrator URLs. */
  nationalFromPost?: string
  postFromNational?: string
  /** Creates the replication role on both servers and has the subscriptions log in with it. */
  replicationPassword?: string
  log?: (line: string) => void
}

export class InitRefused extends Error {}

/** Tables a post writes: a post database holding any of these rows is not a fresh post. */
const POST_RECORDS = ['crossings', 'returnees', 'travellers', 'protection_referrals'] as const

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return client
}

async function exists(c: pg.Client, catalog: string, column: string, name: string): Promise<boolean> {
  const r = await c.query(`SELECT 1 FROM ${catalog} WHERE ${column} = $1`, [name])
  return r.rowCount! > 0
}

async function checkReady(c: pg.Client, side: string): Promise<void> {
  const wal = (await c.query('SHOW wal_level')).rows[0].wal_level
  if (wal !== 'logical')
    throw new InitRefused(`${side}: wal_level is ${wal}; set wal_level = logical and restart`)
  if (!(await c.query(`SELECT to_regclass('offline_settings') AS t`)).rows[0].t)
    throw new InitRefused(`${side}: run \`passage migrate\` first (migration 0030 is missing)`)
}

function withCredentials(url: string, password: string | undefined): string {
  if (!password) return url
  const u = new URL(url)
  u.username = REPLICATION_ROLE
  u.password = password
  return u.toString()
}

async function ensureReplicationRole(c: pg.Client, password: string): Promise<void> {
  const quoted = `'${password.replace(/'/g, "''")}'`
  const verb = (await exists(c, 'pg_roles', 'rolname', REPLICATION_ROLE)) ? 'ALTER' : 'CREATE'
  await c.query(`${verb} ROLE ${REPLICATION_ROLE} WITH LOGIN REPLICATION PASSWORD ${quoted}`)
  // The initial copy of a subscription reads the published tables as this role.
  await c.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${REPLICATION_ROLE}`)
}

/**
 * `passage post init`: publications on both servers, the post's subscription to the centre (its first copy brings
 * reference data, users, alert lists and the other posts' history) and the centre's subscription to the post.
 * Safe to run again: what exists is kept. Refuses a post database that already holds records (a post restored from
 * a backup is re-created instead, see docs/offline-post.md).
 */
export async function initPost(o: InitPostOptions): Promise<void> {
  const log = o.log ?? (() => {})
  postSlug(o.postCode)
  const national = await connect(o.nationalUrl)
  const post = await connect(o.postUrl)
  try {
    await checkReady(national, 'national server')
    await checkReady(post, 'post server')
    const role = (c: pg.Client) => c.query('SELECT offline_role() AS r').then((r) => r.rows[0].r as string)
    if ((await role(national)) === 'post')
      throw new InitRefused('national server: this database is set up as a post')
    const postRole = await role(post)
    const settings = (await post.query('SELECT post_code FROM offline_settings')).rows[0]
    if (postRole === 'national')
      throw new InitRefused('post server: this database is set up as the national server')
    if (settings && settings.post_code !== o.postCode)
      throw new InitRefused(`post server: already set up for ${settings.post_code}`)
    const poe = await national.query('SELECT 1 FROM points_of_entry WHERE code = $1', [o.postCode])
    if (poe.rowCount === 0) throw new InitRefused(`national server: no point of entry ${o.postCode}`)

    if (o.replicationPassword) {
      await ensureReplicationRole(national, o.replicationPassword)
      await ensureReplicationRole(post, o.replicationPassword)
    }
    await national.query(
      `INSERT INTO offline_settings (role) VALUES ('national') ON CONFLICT (id) DO NOTHING`,
    )
    await national.query(
      `INSERT INTO offline_heartbeats VALUES ('national', now()) ON CONFLICT (node) DO NOTHING`,
    )
    const [centre, history] = nationalPublications(o.postCode)
    if (!(await exists(national, 'pg_publication', 'pubname', CENTRE_PUBLICATION)))
      await national.query(centre!)
    if (!(await exists(national, 'pg_publication', 'pubname', historyPublication(o.postCode))))
      await national.query(history!)
    log(`national server: publications ${CENTRE_PUBLICATION}, ${historyPublication(o.postCode)}`)

    if (!settings) await prepareFreshPost(post, o.postCode)
    // The centre this post is set up against: another cluster later means the national server was replaced.
    const cluster = await national.query(`SELECT system_identifier::text AS id FROM pg_control_system()`)
    await post.query('UPDATE offline_settings SET peer_system_id = $1', [cluster.rows[0].id])
    const [own, inserts] = postPublications(o.postCode)
    if (!(await exists(post, 'pg_publication', 'pubname', postPublication(o.postCode))))
      await post.query(own!)
    if (!(await exists(post, 'pg_publication', 'pubname', postInsertPublication(o.postCode))))
      await post.query(inserts!)
    log(`post server: publications ${postPublication(o.postCode)}, ${postInsertPublication(o.postCode)}`)

    if (!(await exists(post, 'pg_subscription', 'subname', POST_SUBSCRIPTION))) {
      await post.query(
        subscriptionSql({
          name: POST_SUBSCRIPTION,
          conninfo: withCredentials(o.nationalFromPost ?? o.nationalUrl, o.replicationPassword),
          publications: [CENTRE_PUBLICATION, historyPublication(o.postCode)],
          slot: nationalSlot(o.postCode),
        }),
      )
    }
    log(
      `post server: subscription ${POST_SUBSCRIPTION} (slot ${nationalSlot(o.postCode)} on the national server)`,
    )
    if (!(await exists(national, 'pg_subscription', 'subname', nationalSubscription(o.postCode)))) {
      // A post set up again (a new machine for a dead one, docs/offline-post.md §7) left its heartbeat row here; the
      // first copy brings the new one, and the old row would stop that copy with a duplicate key for ever.
      await national.query('DELETE FROM offline_heartbeats WHERE node = $1', [`post:${o.postCode}`])
      await national.query(
        subscriptionSql({
          name: nationalSubscription(o.postCode),
          conninfo: withCredentials(o.postFromNational ?? o.postUrl, o.replicationPassword),
          publications: [postPublication(o.postCode), postInsertPublication(o.postCode)],
          slot: POST_SLOT,
        }),
      )
    }
    log(
      `national server: subscription ${nationalSubscription(o.postCode)} (slot ${POST_SLOT} on the post server)`,
    )
  } finally {
    await national.end()
    await post.end()
  }
}

/**
 * A fresh post: its migrations inserted a few centre-owned rows (refusal reasons, the screening version) that the
 * first copy brings again, so they are removed first. From then on new traveller rows carry the post's code.
 */
async function prepareFreshPost(post: pg.Client, postCode: string): Promise<void> {
  for (const table of POST_RECORDS) {
    const r = await post.query(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`)
    if (r.rows[0].any)
      throw new InitRefused(
        `post server: ${table} already holds records; a post is set up on an empty database`,
      )
  }
  await post.query('BEGIN')
  await post.query(`TRUNCATE ${CENTRE_TABLES.join(', ')} CASCADE`)
  await post.query(`INSERT INTO offline_settings (role, post_code) VALUES ('post', $1)`, [postCode])
  await post.query(`INSERT INTO offline_heartbeats VALUES ($1, now())`, [`post:${postCode}`])
  await post.query('COMMIT')
}
