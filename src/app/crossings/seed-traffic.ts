import { randomBytes, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import { hashPassword } from '../../platform/auth/password-hash.ts'
import type { Db } from '../../platform/db/database.ts'
import { systemActor } from '../identity/manage-users.ts'
import { foldDeltas } from '../statistics/fold-deltas.ts'
import { type TrafficBatch, trafficBatches } from './seed-traffic-batch.ts'
import { CopyWriter } from './seed-traffic-copy.ts'
import { copyGenerated } from './seed-traffic-generator.ts'

const SYNTHETIC_OFFICER = 'synthetic.traffic'
/** Movements per transaction: large enough that round trips and commits vanish, small enough to stay in memory. */
const BATCH = 25_000

/** The disabled account every synthetic movement is recorded by, so real officers' statistics stay apart. */
export async function syntheticOfficer(db: Db): Promise<string> {
  const find = () =>
    db.selectFrom('users').select('id').where('username', '=', SYNTHETIC_OFFICER).executeTakeFirst()
  const found = await find()
  if (found) return found.id
  await db
    .insertInto('users')
    .values({
      id: randomUUID(),
      username: SYNTHETIC_OFFICER,
      display_name: 'Synthetic traffic',
      role: 'frontline_officer',
      agency_code: 'GDI',
      post_code: null,
      scope: 'national',
      password_hash: await hashPassword(randomBytes(24).toString('base64url')),
      must_change_password: true,
      disabled: true,
      password_changed_at: new Date(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
  return (await find())!.id
}

export interface TrafficReport {
  travellers: number
  crossings: number
  /** The whole run, the final fold included. */
  seconds: number
  /** Of which refreshing the planner's statistics of the tables written (`ANALYZE`), in seconds. */
  analyzeSeconds: number
  /** Of which counting the crossings into the rollups (the COPY path's own count, then the queue's fold). */
  foldSeconds: number
  /** The COPY path's phases in seconds (`CopyWriter.phases`); absent on the row path. */
  phases?: CopyWriter['phases']
  /** The server's CPU seconds in each phase (`CopyWriter.serverCpu`), when the server is on this machine. */
  serverCpu?: CopyWriter['serverCpu']
}

export interface SeedTrafficOptions {
  db: Db
  /** Movements to write (approximately: a traveller's trip is never cut in half). */
  crossings: number
  /** The same seed gives the same travellers, times, posts and decisions; row ids are new on every run. */
  seed?: number
  years?: number
  /** Called after each committed batch with the movements written so far. */
  onProgress?: (done: number) => void
  /** Batches written at once: while the database writes one, the next is generated (one on PGlite's single session). */
  concurrency?: number
  /**
   * PostgreSQL only: write through `COPY` on a connection of its own, in one transaction, with the foreign keys
   * checked in bulk and the rollups counted by this process and copied in at the end (`seed-traffic-copy.ts`). Absent
   * (PGlite, tests), batches of `INSERT … SELECT FROM unnest(…)` with every check per row.
   */
  copyUrl?: string
}

/**
 * Writes synthetic traffic in bulk. On PostgreSQL with `copyUrl`: `COPY` in one transaction, foreign keys checked
 * in bulk before commit. Otherwise one transaction per batch of whole travellers (their passports and movements
 * together), each table in one `INSERT … SELECT FROM unnest(…)`, with the next batch generated while the database
 * writes the last. Either way every constraint holds at commit and the rows are counted in the rollups (by the
 * COPY transaction itself, or by the trigger's queue folded once at the end), so the rows are as trustworthy as an
 * officer's. Audited once.
 */
export async function seedTraffic(o: SeedTrafficOptions): Promise<TrafficReport> {
  const started = performance.now()
  const officerId = await syntheticOfficer(o.db)
  const years = o.years ?? 3
  const seed = o.seed ?? 1
  const { travellers, crossings, countSeconds, phases, serverCpu } = o.copyUrl
    ? await copyTraffic(o, o.copyUrl, officerId)
    : await insertTraffic(o, officerId)
  // The row path's deltas, counted once in bounded batches: the dashboards read the queue until then, so they are
  // exact throughout. (The COPY path counted its own rows before its commit and left nothing queued.)
  const foldStarted = performance.now()
  await foldDeltas({ db: o.db, batch: FOLD_BATCH_AFTER_SEED })
  const foldSeconds = countSeconds + (performance.now() - foldStarted) / 1000
  // A table filled in bulk has no statistics until autovacuum gets to it, and a 10M-row `crossings` without them is
  // planned as fifty thousand movements per traveller: the identity proposals' statement then cost 160 ms of JIT
  // compilation per inspection and the counter fell from ~150 to ~10 crossings/s (measured, issue 13). 1.1 s at 10M.
  const analyzeStarted = performance.now()
  await sql`ANALYZE travellers, travel_documents, crossings`.execute(o.db)
  const analyzeSeconds = (performance.now() - analyzeStarted) / 1000
  await o.db.transaction().execute((trx) =>
    appendAudit(trx, systemActor, {
      action: 'seed_traffic',
      resource: 'crossing',
      details: { travellers, crossings, seed, years },
    }),
  )
  return {
    travellers,
    crossings,
    seconds: (performance.now() - started) / 1000,
    foldSeconds,
    analyzeSeconds,
    phases,
    serverCpu,
  }
}

/** Larger than the background job's batches: a seed runs alone, and fewer statements fold faster. */
const FOLD_BATCH_AFTER_SEED = 200_000

/**
 * Movements per COPY round. Small enough that the round's text (about 1.5 MB) fits in the socket's buffers, so
 * the server reads it while this process generates the next round; three statements per round still make the
 * round trips vanish.
 */
export const COPY_BATCH = 10_000
/** Rounds generated ahead of the server at most: enough to keep it busy, few enough to keep memory flat. */
export const COPY_AHEAD = 3

async function copyTraffic(
  o: SeedTrafficOptions,
  url: string,
  officerId: string,
): Promise<{
  travellers: number
  crossings: number
  countSeconds: number
  phases: CopyWriter['phases']
  serverCpu: CopyWriter['serverCpu']
}> {
  const writer = new CopyWriter(url)
  let travellers = 0
  let crossings = 0
  try {
    await writer.begin()
    await copyGenerated(
      writer,
      { crossings: o.crossings, seed: o.seed, years: o.years },
      { officerId, batchSize: COPY_BATCH, ahead: COPY_AHEAD },
      (batch) => {
        travellers += batch.travellers
        crossings += batch.movements
        o.onProgress?.(crossings)
      },
    )
    await writer.commit()
  } catch (err) {
    await writer.abort()
    throw err
  } finally {
    await writer.close()
  }
  return {
    travellers,
    crossings,
    countSeconds: writer.countSeconds,
    phases: writer.phases,
    serverCpu: writer.serverCpu,
  }
}

/**
 * Generates the batches and streams them through the writer's COPY statements at the same time. Generating is
 * this process's work and copying the server's: done one after the other each core idled half the time. Each
 * batch's text is queued behind the last one's COPY, and between batches the event loop runs, so the socket takes
 * the queued text while the next batch is generated; at most `COPY_AHEAD` batches wait. A failed COPY stops the
 * generation within `COPY_AHEAD` batches and is thrown (the caller rolls back).
 */
export async function copyPipelined(
  writer: CopyWriter,
  batches: Iterable<TrafficBatch>,
  officerId: string,
  onWritten: (batch: TrafficBatch) => void,
): Promise<void> {
  let tail: Promise<void> = Promise.resolve()
  const waiting: Promise<void>[] = []
  for (const batch of batches) {
    const text = writer.encode(batch, officerId)
    if (!text) continue
    tail = tail.then(() => writer.send(text)).then(() => onWritten(batch))
    // Seen later by `await`; without a handler here a failure would first be reported as unhandled.
    tail.catch(() => {})
    waiting.push(tail)
    while (waiting.length > COPY_AHEAD) await waiting.shift()
    // One turn of the event loop: the socket takes what it can of the queued text before the next batch.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  await tail
}

async function insertTraffic(
  o: SeedTrafficOptions,
  officerId: string,
): Promise<{
  travellers: number
  crossings: number
  countSeconds: number
  phases?: CopyWriter['phases']
  serverCpu?: CopyWriter['serverCpu']
}> {
  const concurrency = Math.max(1, o.concurrency ?? 2)
  const inFlight = new Set<Promise<void>>()
  let failure: { error: unknown } | undefined
  let written = 0
  let travellers = 0
  let crossings = 0
  const submit = (batch: TrafficBatch) => {
    const done: Promise<void> = o.db
      .transaction()
      .execute((trx) => batch.write(trx, officerId))
      .then(
        () => {
          written += batch.movements
          o.onProgress?.(written)
        },
        (error: unknown) => {
          failure ??= { error }
        },
      )
      .finally(() => inFlight.delete(done))
    inFlight.add(done)
  }
  for (const batch of trafficBatches(o, BATCH)) {
    travellers += batch.travellers
    crossings += batch.movements
    while (inFlight.size >= concurrency) await Promise.race(inFlight)
    if (failure) break
    submit(batch)
  }
  await Promise.all(inFlight)
  if (failure) throw failure.error
  return { travellers, crossings, countSeconds: 0 }
}
