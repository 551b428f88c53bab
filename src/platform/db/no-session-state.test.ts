import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * PgBouncer's transaction pooling hands each transaction whatever server connection is free, so nothing Passage
 * sends may leave state on a connection for a later transaction (issue 13 §3): no session advisory lock, no
 * session `SET` or `set_config(…, false)`, no LISTEN, no temporary table, no cursor kept open, no named prepared
 * statement written by hand (the statement cache, `statement-cache.ts`, is the one switchable exception: a PgBouncer
 * deployment turns it off, and it turns itself off at the first sign of a pooler). `pgbouncer-failover.test.ts`
 * shows the flows work through PgBouncer; this keeps a new query from bringing session state back unnoticed, in any
 * file, not only on the paths those flows reach.
 */
const SESSION_STATE: { what: string; pattern: RegExp }[] = [
  { what: 'a session advisory lock', pattern: /pg_(try_)?advisory_lock(_shared)?\s*\(|pg_advisory_unlock/ },
  { what: 'LISTEN/UNLISTEN', pattern: /[`'"]\s*(UN)?LISTEN\s/i },
  // A statement that starts with SET (a string or template starting so); SET LOCAL and SET TRANSACTION end with
  // the transaction. Function-level `SET search_path` inside CREATE FUNCTION does not start a string.
  { what: 'a session SET', pattern: /[`'"]\s*SET\s+(?!LOCAL\b|TRANSACTION\b|CONSTRAINTS\b)[A-Za-z_]/ },
  { what: 'set_config for the session', pattern: /set_config\s*\([^)]*,\s*false\s*\)/i },
  // A temporary table dropped at its transaction's commit (`ON COMMIT DROP`) lives and dies in one transaction.
  {
    what: 'a temporary table',
    pattern: /CREATE\s+(GLOBAL\s+|LOCAL\s+)?TEMP(ORARY)?\s+TABLE(?![^;`]*ON\s+COMMIT\s+DROP)/i,
  },
  { what: 'a cursor held past its transaction', pattern: /WITH\s+HOLD/i },
  { what: 'a named prepared statement', pattern: /[`'"]\s*PREPARE\s|\bname:\s*['"`][^'"`]+['"`],\s*text:/ },
]

/** Files that run on a connection of their own, never a pooled one: test harnesses and throwaway servers. */
const OWN_CONNECTION = [/\.test\.ts$/, /\.testing\.ts$/, /^test\//, /^platform\/db\/throwaway-/]

function sources(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path, root)
    const rel = relative(root, path)
    return /\.tsx?$/.test(e.name) && !OWN_CONNECTION.some((p) => p.test(rel)) ? [rel] : []
  })
}

/** The kinds of session state a source text's code sends (comment lines left out: they may quote SQL). */
function sessionStateIn(text: string): string[] {
  const code = text.replace(/^\s*(\/\/|\/?\*).*$/gm, '')
  return SESSION_STATE.filter(({ pattern }) => pattern.test(code)).map(({ what }) => what)
}

describe('no session state on pooled connections', () => {
  it('finds none anywhere in the server source, migrations included', () => {
    const root = join(import.meta.dirname, '..', '..')
    const files = sources(root)
    expect(files.length).toBeGreaterThan(200)
    const found = files.flatMap((f) =>
      sessionStateIn(readFileSync(join(root, f), 'utf8')).map((what) => `${f}: ${what}`),
    )
    expect(found).toEqual([])
  })

  it('would notice each kind, and lets the transaction-scoped forms through', () => {
    expect(sessionStateIn('sql`SELECT pg_advisory_lock(1)`')).toEqual(['a session advisory lock'])
    expect(sessionStateIn("query('SELECT pg_try_advisory_lock($1)')")).toEqual(['a session advisory lock'])
    expect(sessionStateIn('sql`LISTEN board_changes`')).toEqual(['LISTEN/UNLISTEN'])
    expect(sessionStateIn("client.query('SET work_mem = 1000')")).toEqual(['a session SET'])
    expect(sessionStateIn('sql`SET SESSION statement_timeout = 5`')).toEqual(['a session SET'])
    expect(sessionStateIn("// `SET work_mem` would be a session SET\nconst help = 'Set a post up'")).toEqual(
      [],
    )
    expect(sessionStateIn("sql`SELECT set_config('passage.x', 'y', false)`")).toEqual([
      'set_config for the session',
    ])
    expect(sessionStateIn('sql`CREATE TEMP TABLE t (id int)`')).toEqual(['a temporary table'])
    expect(sessionStateIn('sql`CREATE TEMPORARY TABLE t ON COMMIT DROP AS SELECT 1`')).toEqual([])
    expect(sessionStateIn('sql`DECLARE c CURSOR WITH HOLD FOR SELECT 1`')).toEqual([
      'a cursor held past its transaction',
    ])
    expect(sessionStateIn("pool.query({ name: 'find-user', text: 'SELECT 1' })")).toEqual([
      'a named prepared statement',
    ])
    // Transaction-scoped: released or reset at commit, whichever connection runs the next transaction.
    expect(
      sessionStateIn(
        "sql`SELECT pg_advisory_xact_lock(1)`; sql`SELECT pg_try_advisory_xact_lock(2)`; query(`SET LOCAL work_mem = '256MB'`); sql`SELECT set_config('passage.stat_deltas', 'counted_by_writer', true)`; sql`UPDATE t\n    SET count = 1`",
      ),
    ).toEqual([])
  })
})
