import { createHash } from 'node:crypto'
import type pg from 'pg'

/**
 * Named prepared statements for what a process sends again and again (issue 13). `pg` sends every query unnamed,
 * so PostgreSQL parsed, analysed and planned each of a crossing's statements anew: about a third of the server's
 * CPU on the crossing's path, measured with `perf`. When a query carries a name, `pg` prepares it once per
 * connection and afterwards sends only Bind and Execute, and the server keeps its plan.
 *
 * Kysely calls `client.query(text, values)`; the wrapper installed on each new connection names a text the second
 * time the process sees it (most statements of a migration or a seed run once and are not worth a plan kept on
 * every connection), up to `max` names, so a connection never keeps more than that many plans. The name is a hash
 * of the text, so in every process a name means the same statement: were two processes' statements ever to meet on
 * one server connection (a pooler configured by mistake), a name could fail, never run another statement.
 *
 * A prepared statement is state of the server session. A transaction pooler that hands each transaction another
 * server connection breaks it (PgBouncer before 1.21, or later without `max_prepared_statements`): such a deployment
 * sets DATABASE_PREPARED_STATEMENTS=false (docs/operations.md). Left on by mistake, the first 26000 ("prepared
 * statement … does not exist") or 42P05 ("… already exists") turns naming off for the whole process and the request
 * is answered as the database being briefly unavailable (`isDatabaseUnavailable`): it committed nothing, and its
 * retry runs unnamed. A schema change under a running process can leave a kept plan with a stale result type (0A000
 * "cached plan must not change result type"): that text gets a fresh name, and the request is likewise retried.
 */
export class StatementCache {
  private readonly names = new Map<string, string>()
  private readonly seen = new Map<string, number>()
  /** Texts whose kept plan went stale, and how many times: part of the fresh name. */
  private readonly generations = new Map<string, number>()
  /** Texts seen once are forgotten past this many, so one-off statements cannot grow the map without end. */
  private static readonly SEEN_LIMIT = 10_000

  constructor(
    public enabled: boolean,
    private readonly max = 200,
    private readonly warn: (message: string) => void = (m) => console.error(m),
  ) {}

  /** The name to send `text` under, or undefined to send it unnamed. */
  nameOf(text: string): string | undefined {
    if (!this.enabled) return undefined
    const known = this.names.get(text)
    if (known !== undefined) return known
    if (this.names.size >= this.max) return undefined
    if (!this.seen.has(text)) {
      if (this.seen.size >= StatementCache.SEEN_LIMIT) this.seen.clear()
      this.seen.set(text, 1)
      return undefined
    }
    this.seen.delete(text)
    const hash = createHash('sha256').update(text).digest('base64url').slice(0, 32)
    const name = `passage_${hash}_${this.generations.get(text) ?? 0}`
    this.names.set(text, name)
    return name
  }

  /** Whether `err`, from a query sent under a name, was caused by the naming (then it is retryable). */
  failed(err: unknown, text: string): boolean {
    const code = (err as { code?: unknown } | null)?.code
    if (code === '26000' || code === '42P05') {
      if (this.enabled)
        this.warn(
          'passage: prepared statements do not survive between transactions on this connection (a transaction pooler?); ' +
            'naming is now off for this process. Set DATABASE_PREPARED_STATEMENTS=false for this deployment.',
        )
      this.enabled = false
      return true
    }
    if (code === '0A000' && /cached plan/.test(String((err as Error).message))) {
      if (this.names.delete(text)) this.generations.set(text, (this.generations.get(text) ?? 0) + 1)
      return true
    }
    return false
  }

  /** Wraps the `query` of every connection the pool opens from now on. */
  install(pool: pg.Pool): void {
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown
      const named = (text: unknown, values?: unknown, ...rest: unknown[]) => {
        const name =
          typeof text === 'string' && Array.isArray(values) && rest.length === 0
            ? this.nameOf(text)
            : undefined
        if (name === undefined) return query(text, values, ...rest)
        return (query({ name, text, values }) as Promise<unknown>).catch((err: unknown) => {
          if (this.failed(err, text as string)) Object.assign(err as object, { retryable: true })
          throw err
        })
      }
      Object.assign(client, { query: named })
    })
  }
}
