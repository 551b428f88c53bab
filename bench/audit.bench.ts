/**
 * Issue 13 §1: the audit log's write path without a national lock. Eight concurrent writers on PostgreSQL each
 * commit transactions that append one audit entry, as every use case does; the figure is entries committed per
 * second while the sealer runs beside them. The baseline, in the same run and database, is the append of before
 * migration 0016: a transaction-scoped advisory lock for the whole log, the head read under it, the chained row
 * written, the lock held until commit (kept here, into a table of its own, only to be measured).
 */
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { scheduleSealing } from '../src/app/audit/seal-schedule.ts'
import { auditHash, GENESIS_HASH } from '../src/platform/audit/audit-hash.ts'
import { appendAudit } from '../src/platform/audit/audit-log.ts'
import { sealPending } from '../src/platform/audit/audit-sealer.ts'
import { verifyAuditChain } from '../src/platform/audit/audit-verify.ts'
import { openStore, type Store, type Tx } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { freshBenchDatabase } from './lib/bench-database.ts'
import type { BenchArea, BenchContext, Figure } from './lib/types.ts'

const BENCH_DB = 'passage_bench_audit'
const WRITERS = 8
const PER_WRITER = Number(process.env.BENCH_AUDIT_PER_WRITER ?? 250)
const actor = { id: null, username: 'bench.writer', ip: '127.0.0.1' }
const OLD_CHAIN_LOCK = 72_657_301

async function benchStore(ctx: BenchContext): Promise<Store> {
  const url = await freshBenchDatabase(await ctx.postgresUrl(), BENCH_DB)
  // One connection per writer and one for the sealer.
  return openStore({ databaseUrl: url, poolSize: WRITERS + 1 })
}

/** The locked append as it was before issue 13 (src/platform/audit/audit-log.ts at migration 0015). */
async function lockedAppend(trx: Tx, i: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${OLD_CHAIN_LOCK})`.execute(trx)
  const { rows } = await sql<{ hash: string | null; seq: number }>`
    SELECT (SELECT hash FROM bench_locked_audit ORDER BY seq DESC LIMIT 1) AS hash,
      nextval('bench_locked_audit_seq_seq') AS seq`.execute(trx)
  const prevHash = rows[0]!.hash ?? GENESIS_HASH
  const fields = {
    seq: Number(rows[0]!.seq),
    at: new Date(),
    actorId: null,
    actorUsername: actor.username,
    action: 'bench',
    resource: 'bench_locked',
    recordId: String(i),
    ip: actor.ip,
    details: { i },
  }
  await sql`INSERT INTO bench_locked_audit (seq, at, actor_username, action, resource, record_id, ip, details,
      prev_hash, hash)
    VALUES (${fields.seq}, ${fields.at}, ${fields.actorUsername}, ${fields.action}, ${fields.resource},
      ${fields.recordId}, ${fields.ip}, ${JSON.stringify(fields.details)}, ${prevHash},
      ${auditHash(prevHash, fields)})`.execute(trx)
}

/** Entries per second: WRITERS concurrent loops, each committing PER_WRITER transactions of one entry. */
async function writersRate(store: Store, append: (trx: Tx, i: number) => Promise<void>): Promise<number> {
  const started = performance.now()
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < PER_WRITER; i++)
        await store.db.transaction().execute((trx) => append(trx, w * PER_WRITER + i))
    }),
  )
  return (WRITERS * PER_WRITER) / ((performance.now() - started) / 1000)
}

const area: BenchArea = {
  area: 'audit',
  async run(ctx) {
    const store = await benchStore(ctx)
    try {
      await migrateToLatest(store.db as never)
      await sql`CREATE TABLE bench_locked_audit (seq bigserial PRIMARY KEY, at timestamptz NOT NULL, actor_id uuid,
        actor_username text, action text NOT NULL, resource text NOT NULL, record_id text, ip text,
        details jsonb NOT NULL, prev_hash text NOT NULL, hash text NOT NULL UNIQUE)`.execute(store.db)
      ctx.log(`${WRITERS} writers × ${PER_WRITER} transactions of one entry each, on PostgreSQL`)
      // Warm both paths (connections, plans) before measuring.
      await writersRate(store, lockedAppend)
      await writersRate(store, (trx, i) =>
        appendAudit(trx, actor, { action: 'warm', resource: 'bench', recordId: String(i) }),
      )
      await sealPending(store.db)

      const baseline = await writersRate(store, lockedAppend)
      ctx.log(`locked append (before issue 13): ${baseline.toFixed(0)} entries/s`)
      const sealing = scheduleSealing({
        db: store.db,
        everyMs: 1000,
        log: { error: (o, m) => ctx.log(`${m} ${JSON.stringify(o)}`) },
      })
      let rate: number
      try {
        rate = await writersRate(store, (trx, i) =>
          appendAudit(trx, actor, {
            action: 'bench',
            resource: 'bench',
            recordId: String(i),
            details: { i },
          }),
        )
      } finally {
        const drainStart = performance.now()
        await sealing.stop()
        ctx.log(
          `backlog sealed ${((performance.now() - drainStart) / 1000).toFixed(2)} s after the writers stopped`,
        )
      }
      ctx.log(`unsealed append with the sealer running: ${rate.toFixed(0)} entries/s`)
      const report = await verifyAuditChain(store.db)
      ctx.log(`verify: ok=${report.ok} entries=${report.entries} unsealed=${report.unsealed}`)
      if (!report.ok || report.unsealed !== 0) throw new Error('the sealed chain does not verify')
      const figures: Figure[] = [
        {
          area: 'audit',
          name: 'audit-append-8-writers',
          unit: 'entries/s',
          value: rate,
          baseline: 'the locked chain append before issue 13, same writers and database',
          baselineValue: baseline,
          better: 'higher',
        },
      ]
      return figures
    } finally {
      await store.close()
    }
  },
}

export default area
