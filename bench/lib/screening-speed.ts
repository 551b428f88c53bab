/**
 * Speed half of the screening bench: a synthetic multinational alert list (see screening-synthetic.ts)
 * in the in-process candidate index and in PostgreSQL with a pg_trgm GIN index, the same queries
 * against both, in the same run.
 */
import { loadavg } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import pg from 'pg'
import { CandidateIndex } from '../../src/domain/screening/candidate-index.ts'
import {
  generator,
  misspell,
  type SyntheticPerson,
  syntheticEntries,
  syntheticPerson,
} from './screening-synthetic.ts'
import { percentile } from './stats.ts'

const LIST_SEED = 20260401
const QUERY_SEED = 7

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

export interface Query {
  name: string
  birthDate?: string
  /** The entry the query was made from, when it was. */
  target?: string
}

/** Queries as an officer would type them: from listed people, misspelt, reordered, in Khmer script, or new. */
export function makeQueries(sampled: { id: string; person: SyntheticPerson }[], count: number): Query[] {
  const g = generator(QUERY_SEED)
  const out: Query[] = []
  for (let i = 0; out.length < count; i++) {
    if (g.random() < 0.2 || sampled.length === 0) {
      const p = syntheticPerson(g)
      out.push({ name: p.names[0]!, birthDate: g.random() < 0.5 ? p.birthDate : undefined })
      continue
    }
    const { id, person } = sampled[i % sampled.length]!
    let parts = person.names[person.names.length > 1 && g.random() < 0.3 ? 1 : 0]!.split(' ')
    const roll = g.random()
    if (roll < 0.25) parts = [...parts].reverse()
    else if (roll < 0.5) parts[0] = misspell(parts[0]!, g.random)
    else if (roll < 0.6) parts = parts.map((w) => w.toUpperCase())
    out.push({
      name: parts.join(' '),
      birthDate: g.random() < 0.5 ? person.birthDate : undefined,
      target: id,
    })
  }
  return out
}

export interface IndexRun {
  buildSeconds: number
  rssMB: number
  heapMB: number
  typedMB: number
  cpuMs: number[]
  wallMs: number[]
  recall: number
  queries: Query[]
  /** Per measured query made from a listed person: whether its person was in the top 10. */
  found: (boolean | undefined)[]
  load: number[]
}

/** Builds the index over `entries` list entries, then runs the queries (the first `warmup` unmeasured). */
export function runIndex(entries: number, queryCount: number, warmup: number): IndexRun {
  gc()
  const before = process.memoryUsage()
  const index = new CandidateIndex()
  const every = Math.max(1, Math.floor(entries / (queryCount * 2)))
  const sampled: { id: string; person: SyntheticPerson }[] = []
  const started = performance.now()
  let n = 0
  for (const e of syntheticEntries(entries, LIST_SEED)) {
    index.add(e)
    if (n++ % every === 0) sampled.push({ id: e.id, person: e })
  }
  const buildSeconds = (performance.now() - started) / 1000
  gc()
  const after = process.memoryUsage()
  const queries = makeQueries(sampled, queryCount + warmup)
  for (const q of queries.slice(0, warmup)) index.search(q)
  const measured = queries.slice(warmup)
  const cpuMs: number[] = []
  const wallMs: number[] = []
  const found: (boolean | undefined)[] = []
  const load = loadavg()
  for (const q of measured) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const hits = index.search(q, { limit: 10 })
    wallMs.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpuMs.push((c.user + c.system) / 1000)
    found.push(q.target ? hits.some((h) => h.id === q.target) : undefined)
  }
  return {
    buildSeconds,
    rssMB: (after.rss - before.rss) / 1e6,
    heapMB: (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 1e6,
    typedMB: index.bytes / 1e6,
    cpuMs,
    wallMs,
    recall: recallOf(found),
    queries: measured,
    found,
    load: [load[0]!, loadavg()[0]!],
  }
}

export interface PgRun {
  loadSeconds: number
  indexSeconds: number
  sizeMB: number
  wallMs: number[]
  recall: number
  found: (boolean | undefined)[]
}

export function recallOf(found: (boolean | undefined)[]): number {
  const targeted = found.filter((f) => f !== undefined)
  return targeted.filter(Boolean).length / Math.max(1, targeted.length)
}

/** The same list in PostgreSQL (one row per name), a GIN trigram index, and `%` searches ranked by similarity. */
export async function runPostgres(
  url: string,
  entries: number,
  queries: Query[],
  log: (m: string) => void,
): Promise<PgRun> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    await client.query('DROP TABLE IF EXISTS screening_bench_names')
    await client.query(
      'CREATE UNLOGGED TABLE screening_bench_names (entry text NOT NULL, name text NOT NULL)',
    )
    let started = performance.now()
    let ids: string[] = []
    let names: string[] = []
    const flush = async () => {
      await client.query('INSERT INTO screening_bench_names SELECT * FROM unnest($1::text[], $2::text[])', [
        ids,
        names,
      ])
      ids = []
      names = []
    }
    for (const e of syntheticEntries(entries, LIST_SEED)) {
      for (const name of e.names) {
        ids.push(e.id)
        names.push(name)
      }
      if (ids.length >= 20_000) await flush()
    }
    if (ids.length) await flush()
    const loadSeconds = (performance.now() - started) / 1000
    log(`pg_trgm: loaded in ${loadSeconds.toFixed(1)} s; building the GIN index…`)
    started = performance.now()
    await client.query(
      'CREATE INDEX screening_bench_trgm ON screening_bench_names USING gin (name gin_trgm_ops)',
    )
    await client.query('ANALYZE screening_bench_names')
    const indexSeconds = (performance.now() - started) / 1000
    const size = await client.query<{ bytes: string }>(
      "SELECT pg_total_relation_size('screening_bench_names') AS bytes",
    )
    const search =
      'SELECT entry, similarity(name, $1) AS s FROM screening_bench_names WHERE name % $1 ORDER BY s DESC LIMIT 10'
    for (const q of queries.slice(0, 10)) await client.query(search, [q.name])
    const wallMs: number[] = []
    const found: (boolean | undefined)[] = []
    for (const q of queries) {
      const t0 = performance.now()
      const { rows } = await client.query<{ entry: string }>(search, [q.name])
      wallMs.push(performance.now() - t0)
      found.push(q.target ? rows.some((r) => r.entry === q.target) : undefined)
    }
    await client.query('DROP TABLE screening_bench_names')
    const sizeMB = Number(size.rows[0]!.bytes) / 1e6
    return { loadSeconds, indexSeconds, sizeMB, wallMs, recall: recallOf(found), found }
  } finally {
    await client.end()
  }
}

export const p = percentile
