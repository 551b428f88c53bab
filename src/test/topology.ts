import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { describe, it } from 'vitest'
import { findPostgresBin } from '../platform/db/throwaway-postgres.ts'

/**
 * The primary + hot standby + PgBouncer that `.ci/run` starts beside the test cluster. Outside CI these tests skip
 * when the variables are absent; in CI a missing one fails (as the end-to-end tests do without Chromium).
 */
export interface Topology {
  primaryUrl: string
  readUrl: string
  /** The standby's data directory, so a test can stop and start it (`pg_ctl`, as the `postgres` user). */
  standbyData: string
  pgbouncerUrl: string
}

const VARS = [
  'TEST_DATABASE_URL',
  'TEST_DATABASE_READ_URL',
  'TEST_STANDBY_PGDATA',
  'TEST_PGBOUNCER_URL',
] as const

export function topologyFromEnv(): Topology | undefined {
  const [primaryUrl, readUrl, standbyData, pgbouncerUrl] = VARS.map((v) => process.env[v])
  if (!primaryUrl || !readUrl || !standbyData || !pgbouncerUrl) return undefined
  return { primaryUrl, readUrl, standbyData, pgbouncerUrl }
}

/** `describe` that runs with the topology, skips without it, and fails without it in CI. */
export function describeWithTopology(name: string, body: (topology: Topology) => void): void {
  const topology = topologyFromEnv()
  if (topology) {
    describe(name, () => body(topology))
    return
  }
  const missing = VARS.filter((v) => !process.env[v]).join(', ')
  if (process.env.CI)
    describe(name, () =>
      it('has the primary, standby and PgBouncer of .ci/run', () => {
        throw new Error(`${missing} not set: .ci/run starts a standby and PgBouncer and exports them`)
      }),
    )
  else describe.skip(`${name} (needs ${missing}; .ci/run sets them)`, () => {})
}

export async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: url })
  c.on('error', () => {})
  await c.connect()
  try {
    return (await c.query<T>(text, values)).rows
  } finally {
    await c.end().catch(() => {})
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Waits for a condition, bounded in tries (never a timed assertion: the test fails only if it never holds). */
export async function until(what: string, test: () => Promise<boolean> | boolean, tries = 1200) {
  for (let i = 0; i < tries; i++) {
    if (
      await Promise.resolve()
        .then(test)
        .catch(() => false)
    )
      return
    await pause(50)
  }
  throw new Error(`gave up waiting for ${what}`)
}

/** Waits until the standby has replayed everything the primary has flushed now (a new database included). */
export async function waitForReplay(primaryUrl: string, readUrl: string): Promise<void> {
  const [{ lsn }] = (await query<{ lsn: string }>(
    primaryUrl,
    'SELECT pg_current_wal_flush_lsn()::text AS lsn',
  )) as [{ lsn: string }]
  await until('the standby to replay the primary', async () => {
    const rows = await query<{ ok: boolean }>(
      readUrl,
      'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok',
      [lsn],
    )
    return rows[0]?.ok === true
  })
}

/** `pg_ctl stop|start` on the standby of `.ci/run` (its port and address are in its `postgresql.auto.conf`). */
export function controlStandby(data: string, action: 'stop' | 'start'): void {
  const bin = findPostgresBin()
  if (!bin || !existsSync(data)) throw new Error(`cannot control the standby in ${data}`)
  const args =
    action === 'stop'
      ? ['-D', data, '-m', 'fast', '-w', 'stop']
      : ['-D', data, '-l', join(dirname(data), 'standby.log'), '-w', 'start']
  const asRoot = process.getuid?.() === 0
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]]
    : [join(bin, 'pg_ctl'), args]
  const res = spawnSync(file, argv, { encoding: 'utf8' })
  if (res.status !== 0) throw new Error(`pg_ctl ${action} failed: ${res.stderr || res.stdout}`)
}
