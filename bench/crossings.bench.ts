/**
 * Crossings bench: the primary-inspection flow over HTTP on loopback (autocannon, bounded in time) with the
 * synthetic 1,000,000-entry alert list loaded, on PGlite (on disk) and on PostgreSQL, each beside the raw durable
 * single-row insert rate of the same database in the same run. One crossing is what an officer does at the
 * counter: an inspection then the recorded decision, two requests; the figure counts recorded crossings per
 * second. `BENCH_CROSSINGS_WATCHLIST=100000` for a quicker run while developing.
 *
 * Beside each figure it prints what the write path costs (statements and commits per crossing, from the store's
 * statement counter), the lock waits sampled from `pg_locks` during the load, and p50/p99. On PostgreSQL the same
 * load is then run over two API processes on one database (`primary-inspection-postgres-2proc`). The main figure is
 * the median of `BENCH_CROSSINGS_ROUNDS` (3) rounds, each its own raw-insert measurement then the load; the first
 * round's details are logged in full, with the time per crossing issue 13's bar leaves and the floor of the stack
 * (`lib/crossing-budget.ts`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { screeningIndexFor } from '../src/app/screening/screening-index.ts'
import { loadConfig } from '../src/platform/config/config.ts'
import { openStore, type Store } from '../src/platform/db/database.ts'
import { sessionPolicyFrom } from '../src/platform/http/context.ts'
import { buildServer } from '../src/platform/http/server.ts'
import { freshBenchDatabase } from './lib/bench-database.ts'
import { authenticatedReadCost, budgetAt, RATIO_BAR, searchCost } from './lib/crossing-budget.ts'
import { runFlow, signIn, travellerMrz } from './lib/crossings-load.ts'
import { loadWatchlist, prepareDatabase, rawInsertRate, watchlistChunks } from './lib/crossings-setup.ts'
import { describeLockWaits, sampleLockWaits } from './lib/lock-waits.ts'
import { generator } from './lib/screening-synthetic.ts'
import { cpuBetween, cpuSeconds, perCrossing, serverCpu } from './lib/server-cpu.ts'
import { median, percentile } from './lib/stats.ts'
import { twoProcesses } from './lib/two-processes.ts'
import type { BenchArea, BenchContext, Figure } from './lib/types.ts'

const ENTRIES = Number(process.env.BENCH_CROSSINGS_WATCHLIST ?? 1_000_000)
const SECONDS = Number(process.env.BENCH_CROSSINGS_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CROSSINGS_CONNECTIONS ?? 8)
const INSPECTIONS = 200
/** Rounds of the main figure (raw inserts, then the load, each round): the figure is the median of each. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_CROSSINGS_ROUNDS ?? 3))
// `BENCH_CROSSINGS_ENGINES=postgres` runs one engine only, e.g. to re-measure PostgreSQL after a change.
const ENGINES = (process.env.BENCH_CROSSINGS_ENGINES ?? 'pglite,postgres').split(',') as (
  | 'pglite'
  | 'postgres'
)[]
const PASSWORD = 'bench-password-for-demo-users'
const BENCH_DB = 'passage_bench_crossings'

const ms = (values: number[], p: number) => percentile(values, p).toFixed(1)
/** Milliseconds to two places, or "?" when unknown. */
const ms2 = (v: number | null) => (v === null ? '?' : v.toFixed(2))

async function benchDatabaseUrl(ctx: BenchContext): Promise<string> {
  const u = new URL(await ctx.postgresUrl())
  u.pathname = `/${BENCH_DB}`
  return u.toString()
}

// `BENCH_CROSSINGS_PREPARED=false` runs the in-process figure with the statement cache off, to set its effect beside.
const PREPARED = process.env.BENCH_CROSSINGS_PREPARED !== 'false'

async function postgresStore(ctx: BenchContext): Promise<Store> {
  return openStore({
    databaseUrl: await freshBenchDatabase(await ctx.postgresUrl(), BENCH_DB),
    preparedStatements: PREPARED,
  })
}

/** Server time of each request, by route, from Fastify's own clock. */
function serverTimes(app: Awaited<ReturnType<typeof buildServer>>) {
  const times = new Map<string, number[]>()
  app.addHook('onResponse', async (req, reply) => {
    const route = `${req.method} ${req.routeOptions.url}`
    const list = times.get(route) ?? []
    list.push(reply.elapsedTime)
    times.set(route, list)
  })
  return {
    take(route: string): number[] {
      const t = times.get(route) ?? []
      times.delete(route)
      return t
    },
  }
}

/** Statements and commits of one inspection and of its recorded decision, sent alone on a warm server. */
async function statementsOfOneCrossing(
  store: Store,
  officer: Awaited<ReturnType<typeof signIn>>,
  g: ReturnType<typeof generator>,
) {
  const headers = { 'content-type': 'application/json', cookie: officer.cookie, 'x-csrf-token': officer.csrf }
  const count = async (fn: () => Promise<unknown>) => {
    const before = store.statements.snapshot()
    const result = await fn()
    const after = store.statements.snapshot()
    return {
      result,
      statements: after.statements - before.statements,
      commits: after.commits - before.commits,
      trips: after.roundTrips - before.roundTrips,
    }
  }
  const inspect = await count(() =>
    fetch(`${officer.base}/api/crossings/inspect`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: travellerMrz(g, 0, 'S') }),
    }).then((r) => r.json()),
  )
  const i = inspect.result as {
    document: { id: string }
    risk: { id: string }
    screening: { requestId: string }
  }
  const record = await count(() =>
    fetch(`${officer.base}/api/crossings`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': `bench-statements-${i.document.id}` },
      body: JSON.stringify({
        documentId: i.document.id,
        counter: 'B1',
        direction: 'entry',
        decision: 'admit',
        riskEvaluationId: i.risk.id,
        screeningRequestId: i.screening.requestId,
      }),
    }).then(async (r) => {
      if (r.status !== 201) throw new Error(`record failed: ${await r.text()}`)
    }),
  )
  return { inspect, record }
}

async function engine(
  kind: 'pglite' | 'postgres',
  ctx: BenchContext,
  chunks: string[],
  fig: (f: Omit<Figure, 'area'>) => void,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passage-bench-crossings-'))
  const store = kind === 'pglite' ? await openStore({ dataDir: dir }) : await postgresStore(ctx)
  try {
    await prepareDatabase(store, PASSWORD)
    const loaded = await loadWatchlist(store.db, chunks)
    const rawPgCpu = kind === 'postgres' ? await serverCpu(await benchDatabaseUrl(ctx)) : () => null
    const rawPgBefore = rawPgCpu()
    const rawCpuBefore = cpuSeconds()
    const raw = await rawInsertRate(store.db, CONNECTIONS, 5)
    // The median over the main figure's rounds once they ran: the baseline of the -2proc figure too.
    let rawMedian = raw
    const rawPgAfter = rawPgCpu()
    // The baseline's own cost per row, to set beside a crossing's: what the ratio of the two rates is made of.
    const rawRows = raw * 5
    const rawProcessCpu = cpuSeconds() - rawCpuBefore
    const rawPgCpuUsed = kind === 'postgres' ? cpuBetween(rawPgBefore, rawPgAfter) : 0
    // One raw insert's CPU, both sides (unknown when PostgreSQL is on another machine): a crossing commits twice,
    // and no commit costs less than this.
    const rawRowCpuMs = rawPgCpuUsed === null ? null : ((rawProcessCpu + rawPgCpuUsed) * 1000) / rawRows
    ctx.log(
      `${kind}: raw durable single-row INSERT + commit, ${CONNECTIONS} writers: ${raw.toFixed(1)}/s; CPU per row: this process ${perCrossing(rawProcessCpu, rawRows)} ms${kind === 'postgres' ? `, PostgreSQL ${perCrossing(rawPgCpuUsed, rawRows)} ms` : ''}`,
    )
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' })
    const started = performance.now()
    // The server builds its screening index over the whole list as it starts.
    const app = await buildServer({ ctx: { store, config, sessionPolicy: sessionPolicyFrom(config) } })
    const startSeconds = (performance.now() - started) / 1000
    const times = serverTimes(app)
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const officer = await signIn(base, 'officer.poipet', PASSWORD)
      const g = generator(99)
      const inspect = (n: number) =>
        fetch(`${base}/api/crossings/inspect`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: officer.cookie,
            'x-csrf-token': officer.csrf,
          },
          body: JSON.stringify({ text: travellerMrz(g, n, 'W') }),
        }).then((r) => r.arrayBuffer())
      for (let n = 0; n <= INSPECTIONS; n++) await inspect(n)
      const alone = times.take('POST /api/crossings/inspect').slice(1)
      ctx.log(
        `${kind}: list of ${ENTRIES.toLocaleString('en')} loaded in ${loaded.toFixed(1)} s, server started with ${screeningIndexFor(store).size.toLocaleString('en')} entries indexed in ${startSeconds.toFixed(1)} s`,
      )
      ctx.log(
        `${kind}: inspect server time, one at a time, ${alone.length} passports: p50 ${ms(alone, 50)} ms, p99 ${ms(alone, 99)} ms`,
      )
      // One crossing alone, warm: what inspect and record each send.
      // `BENCH_CROSSINGS_TRACE=1` prints each statement of that crossing (first 100 characters), to find what it sends.
      if (process.env.BENCH_CROSSINGS_TRACE) store.statements.trace = []
      const one = await statementsOfOneCrossing(store, officer, g)
      for (const text of store.statements.trace ?? [])
        ctx.log(`${kind}:   ${text.replace(/\s+/g, ' ').slice(0, 100)}`)
      store.statements.trace = null
      ctx.log(
        `${kind}: one crossing alone: inspect ${one.inspect.statements} statements in ${one.inspect.trips} round trips / ${one.inspect.commits} commit, record ${one.record.statements} statements in ${one.record.trips} round trips / ${one.record.commits} commit`,
      )
      const locks = kind === 'postgres' ? await sampleLockWaits(await benchDatabaseUrl(ctx)) : null
      const pgCpu = kind === 'postgres' ? await serverCpu(await benchDatabaseUrl(ctx)) : () => null
      const pgBefore = pgCpu()
      const cpuBefore = cpuSeconds()
      const counted = store.statements.snapshot()
      const flow = await runFlow(officer, {
        seconds: SECONDS,
        connections: CONNECTIONS,
        run: kind[0]!.toUpperCase(),
      })
      const sent = store.statements.snapshot()
      const processCpu = cpuSeconds() - cpuBefore
      const pgAfter = pgCpu()
      const waits = await locks?.stop()
      const rate = flow.crossings / flow.seconds
      const inspectMs = times.take('POST /api/crossings/inspect')
      const recordMs = times.take('POST /api/crossings')
      ctx.log(
        `${kind}: ${CONNECTIONS} connections, ${SECONDS} s: ${flow.crossings} crossings (${rate.toFixed(1)}/s, ${(rate * 2).toFixed(1)} req/s), ${flow.non2xx} non-2xx, ${flow.errors} errors`,
      )
      ctx.log(
        `${kind}: per crossing (inspect + record, client) p50 ${ms(flow.crossingMs, 50)} ms p99 ${ms(flow.crossingMs, 99)} ms; per request p50 ${flow.requestP50} ms p99 ${flow.requestP99} ms`,
      )
      ctx.log(
        `${kind}: server time under load: inspect p50 ${ms(inspectMs, 50)} p99 ${ms(inspectMs, 99)} ms; record p50 ${ms(recordMs, 50)} p99 ${ms(recordMs, 99)} ms`,
      )
      ctx.log(
        `${kind}: under load, per recorded crossing (inspect + record): ${((sent.statements - counted.statements) / flow.crossings).toFixed(1)} statements, ${((sent.commits - counted.commits) / flow.crossings).toFixed(2)} commits, ${((sent.roundTrips - counted.roundTrips) / flow.crossings).toFixed(1)} round trips`,
      )
      ctx.log(
        `${kind}: CPU per crossing: this process (API and load generator together) ${perCrossing(processCpu, flow.crossings)} ms${kind === 'postgres' ? `, PostgreSQL ${perCrossing(cpuBetween(pgBefore, pgAfter), flow.crossings)} ms` : ''}`,
      )
      ctx.log(
        `${kind}: lock waits: ${waits ? describeLockWaits(waits) : 'none possible, PGlite has one connection (requests queue for it instead)'}`,
      )
      if (flow.non2xx > flow.crossings / 100) throw new Error(`${kind}: ${flow.non2xx} failed requests`)
      // The same machine gives the same build ±15% between runs: further rounds, each a raw-insert measurement then
      // the load, interleaved so a slow spell weighs on both, and the figure is the median of each.
      const rates = [rate]
      const raws = [raw]
      for (let round = 2; round <= ROUNDS; round++) {
        raws.push(await rawInsertRate(store.db, CONNECTIONS, 5))
        const more = await runFlow(officer, {
          seconds: SECONDS,
          connections: CONNECTIONS,
          run: `${kind[0]!.toUpperCase()}${round}`,
        })
        if (more.non2xx > more.crossings / 100) throw new Error(`${kind}: ${more.non2xx} failed requests`)
        rates.push(more.crossings / more.seconds)
      }
      rawMedian = median(raws)
      if (ROUNDS > 1)
        ctx.log(
          `${kind}: ${ROUNDS} rounds: ${rates.map((r) => r.toFixed(1)).join(', ')} crossings/s (median ${median(rates).toFixed(1)}); raw ${raws.map((r) => r.toFixed(0)).join(', ')}/s (median ${median(raws).toFixed(0)}); ratio median ${(median(rates) / median(raws)).toFixed(4)}`,
        )
      // What the ratio is made of: the time the bar leaves a crossing here, what one took (first round), the floor.
      // PGlite runs in the API's thread with the load generator: that one thread's time, 1 / rate when it is
      // saturated, is what counts. On PostgreSQL, the CPU of every process over the machine's cores.
      const oneThread = kind === 'pglite'
      const budget = budgetAt(rawMedian, oneThread ? 1 : undefined)
      const pgCpuUsed = cpuBetween(pgBefore, pgAfter)
      // Null, printed "?", where PostgreSQL's share is unknown (a server on another machine).
      const crossingMs = oneThread
        ? 1000 / rate
        : pgCpuUsed === null
          ? null
          : ((processCpu + pgCpuUsed) * 1000) / flow.crossings
      const what = oneThread
        ? 'of the one thread (1 / rate)'
        : `of CPU on ${budget.cores} cores, every process together`
      ctx.log(
        `${kind}: the bar (ratio ${RATIO_BAR}) at raw ${rawMedian.toFixed(0)}/s is ${budget.rate.toFixed(0)} crossings/s: at most ${budget.cpuMs.toFixed(2)} ms ${what} per crossing; measured ${ms2(crossingMs)} ms`,
      )
      const read = await authenticatedReadCost(officer, { seconds: 5, connections: CONNECTIONS, pgCpu })
      const search = searchCost(screeningIndexFor(store), 1000)
      const readMs = oneThread ? 1000 / read.rate : read.pgMs === null ? null : read.processMs + read.pgMs
      const commitMs = oneThread ? 1000 / rawMedian : rawRowCpuMs
      const floorMs = readMs === null || commitMs === null ? null : 2 * readMs + search + 2 * commitMs
      ctx.log(
        `${kind}: floor: an authenticated read alone (GET /api/auth/session, one statement), ${CONNECTIONS} connections: ${read.rate.toFixed(0)}/s, ${ms2(readMs)} ms ${oneThread ? 'of the thread' : `of CPU (this process ${read.processMs.toFixed(2)}, PostgreSQL ${read.pgMs?.toFixed(2) ?? '?'})`} per request; the name search alone, warm: ${search.toFixed(2)} ms; a raw insert ${ms2(commitMs)} ms; two reads, one search and two raw inserts (a crossing's two commits): ${ms2(floorMs)} ms`,
      )
      fig({
        name: `primary-inspection-${kind}`,
        // One crossing is the inspect and record requests an officer makes; the request rate is twice this (logged).
        unit: 'crossings/s',
        value: median(rates),
        baseline: 'raw durable single-row INSERT + commit, same database',
        baselineValue: rawMedian,
        better: 'higher',
      })
    } finally {
      await app.close()
    }
    if (kind === 'postgres') {
      // The same load through ONE API child process first: the like-for-like companion of the -2proc figure.
      await twoProcesses({
        url: await benchDatabaseUrl(ctx),
        password: PASSWORD,
        seconds: SECONDS,
        connections: CONNECTIONS,
        log: (m) => ctx.log(`postgres-1child: ${m}`),
        processes: 1,
      })
      const two = await twoProcesses({
        url: await benchDatabaseUrl(ctx),
        password: PASSWORD,
        seconds: SECONDS,
        connections: CONNECTIONS,
        log: (m) => ctx.log(`postgres-2proc: ${m}`),
      })
      fig({
        name: 'primary-inspection-postgres-2proc',
        unit: 'crossings/s',
        value: two.rate,
        baseline: 'raw durable single-row INSERT + commit, same database',
        baselineValue: rawMedian,
        better: 'higher',
      })
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
    if (kind === 'postgres') {
      const admin = new pg.Client({ connectionString: await ctx.postgresUrl() })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`)
      await admin.end()
    }
  }
}

const area: BenchArea = {
  area: 'crossings',
  async run(ctx) {
    const figures: Figure[] = []
    const started = performance.now()
    const chunks = watchlistChunks(ENTRIES)
    ctx.log(
      `${ENTRIES.toLocaleString('en')} synthetic list entries built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    for (const kind of ENGINES)
      await engine(kind, ctx, chunks, (f) => figures.push({ area: 'crossings', ...f }))
    return figures
  },
}

export default area
