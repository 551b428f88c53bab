/**
 * What the crossings figure's ratio is made of, printed beside it: the time a crossing may take for the bar
 * to be met on this machine, what it does take, and a floor measured part by part. A crossing makes two
 * authenticated requests (about the least of which is a read of the signed-in user), one name search, and two
 * commits (none cheaper than a raw insert): trimming the crossing's own work cannot go under their sum.
 */
import { availableParallelism } from 'node:os'
import autocannon from 'autocannon'
import { NAME_SEARCH } from '../../src/app/screening/screen-traveller.ts'
import type { ScreeningIndex } from '../../src/app/screening/screening-index.ts'
import { mrzNameOf, type Session } from './crossings-load.ts'
import { generator, syntheticPerson } from './screening-synthetic.ts'
import { cpuBetween, cpuSeconds } from './server-cpu.ts'

/** Issue 13's bar for crossings/s over raw durable inserts/s. */
export const RATIO_BAR = 0.05

export interface Budget {
  /** The crossings/s the bar asks for at this raw rate. */
  rate: number
  /** Ms per crossing that rate leaves on `cores`: CPU of every process together, or one thread's time. */
  cpuMs: number
  cores: number
}

/** `cores`: what the engine can use; PGlite runs in the API's own thread, so one whatever the machine has. */
export function budgetAt(rawRate: number, cores = availableParallelism()): Budget {
  const rate = RATIO_BAR * rawRate
  return { rate, cpuMs: (cores * 1000) / rate, cores }
}

/**
 * An authenticated `GET /api/auth/session` (the session check, one statement for the signed-in user, a small JSON
 * answer: about the least an authenticated request does) under `connections` clients for `seconds`: requests/s and
 * CPU ms per request of this process (server and load generator) and of PostgreSQL when `pgCpu` reads it.
 */
export async function authenticatedReadCost(
  s: Session,
  o: { seconds: number; connections: number; pgCpu: () => number | null },
): Promise<{ rate: number; processMs: number; pgMs: number | null }> {
  const pgBefore = o.pgCpu()
  const before = cpuSeconds()
  const result = await autocannon({
    url: `${s.base}/api/auth/session`,
    connections: o.connections,
    duration: o.seconds,
    headers: { cookie: s.cookie },
  })
  const processSeconds = cpuSeconds() - before
  const pgCpu = cpuBetween(pgBefore, o.pgCpu())
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`GET /api/auth/session: ${result.non2xx} non-2xx, ${result.errors} errors`)
  const n = result.requests.total
  return {
    rate: n / result.duration,
    processMs: (processSeconds * 1000) / n,
    pgMs: pgCpu === null ? null : (pgCpu * 1000) / n,
  }
}

/**
 * The name search an inspection makes, alone and warm, with the inspection's options: mean ms over `count` synthetic
 * travellers (the crossings load's kind, another seed). Synchronous work on one thread, so wall time is CPU time.
 */
export function searchCost(index: ScreeningIndex, count: number): number {
  const g = generator(7)
  const people = Array.from({ length: count }, () => syntheticPerson(g))
  const query = (p: (typeof people)[number]) => ({
    name: mrzNameOf(p),
    birthDate: p.birthDate,
    nationality: p.nationality,
    sex: p.sex,
  })
  for (const p of people.slice(0, 50)) index.names.search(query(p), NAME_SEARCH)
  const started = performance.now()
  for (const p of people) index.names.search(query(p), NAME_SEARCH)
  return (performance.now() - started) / count
}
