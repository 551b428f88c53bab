import pg from 'pg'

/**
 * A new, empty database `name` on the server of `url` (dropped first if a run before left it), and its URL: each
 * benchmark measures on a database of its own, never on what another left behind.
 */
export async function freshBenchDatabase(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}
