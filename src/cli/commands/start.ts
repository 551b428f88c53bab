import { sql } from 'kysely'
import { scheduleCheckpoints } from '../../app/audit/checkpoint-schedule.ts'
import { checkpointSettingsOf } from '../../app/audit/checkpoint-settings.ts'
import { scheduleSealing } from '../../app/audit/seal-schedule.ts'
import { scheduleOutbox } from '../../app/exchange/outbox-schedule.ts'
import { scheduleRetention } from '../../app/exchange/purge-retention.ts'
import { seedExchangeAdmin } from '../../app/exchange/seed-exchange-admin.ts'
import { startExchangeKeys } from '../../app/exchange/start-keys.ts'
import { deleteExpiredSessions } from '../../app/identity/sessions.repository.ts'
import { beat, HEARTBEAT_EVERY_MS } from '../../app/offline/heartbeat.ts'
import { schedulePlanFolds } from '../../app/plans/fold-plan-sources.ts'
import { printDemoCredentials, seed, seeding } from '../../app/seed.ts'
import { scheduleFolds } from '../../app/statistics/fold-schedule.ts'
import { loadOrCreateSigningKey } from '../../platform/audit/signing-key.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { sessionPolicyFrom } from '../../platform/http/context.ts'
import { deleteOldIdempotencyKeys, IDEMPOTENCY_KEY_DAYS } from '../../platform/http/idempotency.ts'
import { buildServer } from '../../platform/http/server.ts'
import { describeStore, openMigratedStore } from '../../platform/runtime.ts'
import { every } from '../../platform/schedule/every.ts'
import type { Command } from '../command.ts'
import { ensureWebBuilt } from '../web-build.ts'

export const startCommand: Command = {
  name: 'start',
  summary: 'Apply migrations, seed an empty database, and serve the API and web app',
  usage: 'passage start\n\nConfiguration comes from environment variables (see .env.example).',
  async run(_argv, io) {
    const config = loadConfig()
    // Before the database: a key that cannot be read or created stops the start with its reason.
    const auditKey = loadOrCreateSigningKey(config.auditKeyFile)
    io.stdout.write(`Passage: opening ${describeStore(config)}\n`)
    const store = await openMigratedStore(config)
    const { demoUsers } = await seed({
      db: store.db,
      demo: config.demo,
      demoPassword: config.demoPassword,
      demoTraffic: config.demoTraffic,
      out: io.stdout,
    })
    // A demo's received verification list, at start only: the tests' two-instance lines stay as they send them.
    // Under the seed's lock: two processes starting at once on one empty database would both find no list.
    if (config.demo) await seeding(store.db, (trx) => seedExchangeAdmin(trx))
    // The exchange's own keys: private halves in PASSAGE_KEY_DIR (0600 files), made at first start (issue 17).
    await startExchangeKeys({ db: store.db, config })
    // An API-only process (SERVE_WEB=false, e.g. behind a load balancer that serves the app elsewhere) neither builds
    // nor serves the web app: `/` and every other non-API path answer `route_not_found`.
    if (config.serveWeb) await ensureWebBuilt(io.stdout)
    const app = await buildServer({
      ctx: { store, config, sessionPolicy: sessionPolicyFrom(config) },
      web: config.serveWeb,
      logger: true,
    })
    const sealing = scheduleSealing({ db: store.db, everyMs: config.auditSealMs, log: app.log })
    const checkpoints = scheduleCheckpoints({
      db: store.db,
      settings: checkpointSettingsOf(config),
      key: auditKey,
      everyMs: config.auditCheckpointMs,
      log: app.log,
    })
    // Moves recorded crossings from the statistics queue into the rollups (migration 0017).
    const folds = scheduleFolds({ db: store.db, log: app.log })
    const planFolds = schedulePlanFolds({ db: store.db, log: app.log }) // plan sources' queue (0033)
    // A post or the national server says it is alive through replication (issue 18); standalone writes nothing.
    const heartbeats = every({
      ms: HEARTBEAT_EVERY_MS,
      work: () => beat(store.db),
      log: app.log,
      failure: 'offline heartbeat failed',
    })
    // Sends the exchange outbox to partners online, with back-off per message (issue 17).
    const outbox = scheduleOutbox({ db: store.db, everyMs: config.exchangeOutboxEveryMs, log: app.log })
    // Minimises exchanged messages past their agreement's retention, hourly (issue 17).
    const retention = scheduleRetention({ db: store.db, log: app.log })
    const address = await app.listen({ port: config.port, host: config.host })
    io.stdout.write(
      `Passage is running at ${address.replace('127.0.0.1', 'localhost')}  (API docs: ${address}/api/docs` +
        `${config.serveWeb ? '' : '; API only, SERVE_WEB=false'})\n`,
    )
    // Last, as one block once the server answers, so the passwords are not lost among the request log lines.
    printDemoCredentials(io.stdout, demoUsers)

    // Keeps crash recovery short on PGlite, and clears dead sessions and old idempotency keys on both engines.
    const maintenance = every({
      ms: config.checkpointMs,
      work: async () => {
        if (store.kind === 'pglite') await sql`CHECKPOINT`.execute(store.db)
        await deleteExpiredSessions(store.db, new Date(), config.sessionIdleMs)
        await deleteOldIdempotencyKeys(store.db, new Date(Date.now() - IDEMPOTENCY_KEY_DAYS * 86_400_000))
      },
      log: app.log,
      failure: 'maintenance failed',
    })

    await new Promise<void>((resolve) => {
      const stop = async () => {
        await maintenance.stop()
        await heartbeats.stop()
        await app.close()
        // Seal what the last requests wrote, then sign a checkpoint over it.
        await sealing.stop()
        await checkpoints.stop()
        await folds.stop()
        await planFolds.stop()
        await outbox.stop()
        await retention.stop()
        await store.close()
        resolve()
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    return 0
  },
}
