import pg from 'pg'
import type { RequestActor } from '../../src/app/identity/actor.ts'

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

/**
 * Database `name` on the server of `url`, kept from an earlier run when `keep` is set and it exists (so a second
 * run skips seeding), otherwise made new; `fresh` says whether it must be filled.
 */
export async function keptBenchDatabase(
  url: string,
  name: string,
  keep: boolean,
): Promise<{ url: string; fresh: boolean }> {
  if (keep) {
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount
    await admin.end()
    if (exists) {
      const u = new URL(url)
      u.pathname = `/${name}`
      return { url: u.toString(), fresh: false }
    }
  }
  return { url: await freshBenchDatabase(url, name), fresh: true }
}

/** A national reader without microdata access: every view goes through disclosure control. */
export const READER: RequestActor = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'bench.reader',
  role: 'case_manager',
  scope: 'national',
  agencyCode: 'MOSVY',
  postCode: null,
  ip: null,
  locale: 'en',
}

/** `10m`, `200k`: a crossing count as a figure's name carries it. */
export function sizeLabel(crossings: number): string {
  return crossings >= 1_000_000 ? `${crossings / 1_000_000}m` : `${Math.round(crossings / 1000)}k`
}
