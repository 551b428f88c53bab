/**
 * `primary-inspection-postgres-2proc`: the crossings load spread over two API processes on one PostgreSQL, half the
 * connections each, one officer's session shared (sessions live in the database). Each process is a child running
 * the real server (`api-process.ts`) and reports the statements its store sent.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { runFlow, signIn } from './crossings-load.ts'
import { describeLockWaits, sampleLockWaits } from './lock-waits.ts'
import { cpuBetween, cpuSeconds, perCrossing, serverCpu } from './server-cpu.ts'
import { percentile } from './stats.ts'

interface ApiProcess {
  child: ChildProcess
  base: string
  next(): Promise<Record<string, number>>
}

async function startApi(url: string): Promise<ApiProcess> {
  const script = fileURLToPath(new URL('./api-process.ts', import.meta.url))
  // `BENCH_CPU_PROF=dir` profiles each API process too (`node --cpu-prof` cannot be passed through NODE_OPTIONS).
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : []
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', script], {
    env: { ...process.env, BENCH_API_DATABASE_URL: url },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout! })
  const queue: string[] = []
  const waiting: ((line: string) => void)[] = []
  lines.on('line', (line) => {
    const w = waiting.shift()
    if (w) w(line)
    else queue.push(line)
  })
  const next = () =>
    new Promise<Record<string, number>>((resolve, reject) => {
      const take = (line: string) => resolve(JSON.parse(line))
      const early = queue.shift()
      if (early) take(early)
      else waiting.push(take)
      child.once('exit', (code) => reject(new Error(`API process exited with ${code}`)))
    })
  const { port } = await next()
  return { child, base: `http://127.0.0.1:${port}`, next }
}

async function counts(p: ApiProcess): Promise<Record<string, number>> {
  p.child.stdin!.write('count\n')
  return p.next()
}

export async function twoProcesses(o: {
  url: string
  password: string
  seconds: number
  connections: number
  log: (m: string) => void
  /**
   * API processes (2 unless told): 1 runs the same load through ONE child process, so the one-process figure can be
   * set beside the two-process one with the load generator in another process in both (in the main figure it
   * shares the API's process and event loop, and skips a cross-process hop per request).
   */
  processes?: number
}): Promise<{ rate: number }> {
  const started = performance.now()
  const count = o.processes ?? 2
  const procs = await Promise.all(Array.from({ length: count }, () => startApi(o.url)))
  try {
    o.log(
      `${count} API process(es) ready in ${((performance.now() - started) / 1000).toFixed(1)} s (each builds its own screening index)`,
    )
    const officer = await signIn(procs[0]!.base, 'officer.poipet', o.password)
    const before = await Promise.all(procs.map(counts))
    const locks = await sampleLockWaits(o.url)
    const pgCpu = await serverCpu(o.url)
    const pgBefore = pgCpu()
    const clientBefore = cpuSeconds()
    const half = Math.max(1, Math.floor(o.connections / count))
    const flows = await Promise.all(
      procs.map((p, i) =>
        runFlow(
          { ...officer, base: p.base },
          { seconds: o.seconds, connections: half, run: `${count}${'XY'[i] ?? i}` },
        ),
      ),
    )
    const clientCpu = cpuSeconds() - clientBefore
    const pgAfter = pgCpu()
    const waits = await locks.stop()
    const after = await Promise.all(procs.map(counts))
    const apiCpu = after.map((a, i) => a.cpu! - before[i]!.cpu!)
    const crossings = flows.reduce((s, f) => s + f.crossings, 0)
    const seconds = Math.max(...flows.map((f) => f.seconds))
    const rate = crossings / seconds
    const statements = after.reduce((s, a, i) => s + a.statements! - before[i]!.statements!, 0)
    const commits = after.reduce((s, a, i) => s + a.commits! - before[i]!.commits!, 0)
    const trips = after.reduce((s, a, i) => s + a.roundTrips! - before[i]!.roundTrips!, 0)
    const crossingMs = flows.flatMap((f) => f.crossingMs)
    const non2xx = flows.reduce((s, f) => s + f.non2xx, 0)
    o.log(
      `${procs.map(() => half).join(' + ')} connections, ${o.seconds} s: ${crossings} crossings (${rate.toFixed(1)}/s; ${flows.map((f) => f.crossings).join(' + ')}), ${non2xx} non-2xx`,
    )
    o.log(
      `per crossing (inspect + record, client) p50 ${percentile(crossingMs, 50).toFixed(1)} ms p99 ${percentile(crossingMs, 99).toFixed(1)} ms; per recorded crossing ${(statements / crossings).toFixed(1)} statements, ${(commits / crossings).toFixed(2)} commits, ${(trips / crossings).toFixed(1)} round trips`,
    )
    o.log(
      `CPU per crossing: API ${apiCpu.map((c) => perCrossing(c, crossings)).join(' + ')} ms (${count} process(es)), PostgreSQL ${perCrossing(cpuBetween(pgBefore, pgAfter), crossings)} ms, load generator ${perCrossing(clientCpu, crossings)} ms`,
    )
    o.log(`lock waits: ${describeLockWaits(waits)}`)
    if (non2xx > crossings / 100) throw new Error(`${count}proc: ${non2xx} failed requests`)
    return { rate }
  } finally {
    for (const p of procs) p.child.kill('SIGTERM')
    await Promise.all(
      procs.map((p) => new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once('exit', r)))),
    )
  }
}
