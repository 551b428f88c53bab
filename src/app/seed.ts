import type { Writable } from 'node:stream'
import { sql } from 'kysely'
import { progressBar } from '../cli/progress.ts'
import type { Db, Tx } from '../platform/db/database.ts'
import { seedTraffic } from './crossings/seed-traffic.ts'
import { seedDemoCounter } from './demo/seed-demo-counter.ts'
import { seedExaminationTemplates } from './documents/seed-templates.ts'
import { seedExchange } from './exchange/seed-exchange.ts'
import { type DemoCredential, seedDemoUsers } from './identity/seed-demo-users.ts'
import { seedOfflineConflicts } from './offline/seed-offline.ts'
import { seedDemoPlan } from './plans/seed-plans.ts'
import { seedDemoProviders } from './protection/seed-providers.ts'
import { type SeedCounts, seedReference } from './reference/seed-reference.ts'
import { seedDemoReturnees } from './returns/seed-demo-returnees.ts'
import { seedDefaultRuleSet } from './risk/seed-rule-set.ts'
import { seedDemoDay } from './seed-demo-day.ts'
import { seedDemoTraining } from './training/seed-training.ts'

export interface SeedResult {
  reference: SeedCounts
  demoUsers: DemoCredential[]
}

// Any constant: the first half of a two-key advisory lock, a key space of its own (documents use 20_002).
const SEED_LOCK_CLASS = 20_003

/**
 * Every seeding step checks what is there, then writes: two processes starting at once on one empty PostgreSQL
 * database would both find no users and both insert them. Each step's transaction therefore takes this lock
 * first, so the second seeder waits and then finds the first one's rows (and seeds nothing twice).
 */
export function seeding<T>(db: Db, work: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_CLASS}, 1)`.execute(trx)
    return work(trx)
  })
}

/**
 * Reference data always (existing rows are kept); demo users only into an empty users table, so a
 * production database that has real users is never given demo accounts. Safe to run from several processes
 * at once (see `seeding`).
 */
export async function seed(o: {
  db: Db
  demo: boolean
  demoPassword?: string
  /** Synthetic crossings for a new demo database (a twentieth as many returnees come with them). */
  demoTraffic?: number
  out?: Writable
}): Promise<SeedResult> {
  const bar = o.out ? progressBar(o.out, 'Seeding', 2) : undefined
  const reference = await seeding(o.db, (trx) => seedReference({ trx }))
  await seeding(o.db, (trx) => seedExaminationTemplates({ trx }))
  await seeding(o.db, (trx) => seedDefaultRuleSet({ trx }))
  bar?.update(1)
  const demoUsers = await seeding(o.db, async (trx) => {
    if (!o.demo) return []
    const any = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()
    return any ? [] : seedDemoUsers({ trx, password: o.demoPassword })
  })
  if (o.demo) await seeding(o.db, (trx) => seedDemoProviders(trx))
  if (o.demo) await seeding(o.db, (trx) => seedDemoPlan({ trx }))
  if (o.demo) await seeding(o.db, (trx) => seedExchange(trx))
  if (o.demo) await seeding(o.db, (trx) => seedOfflineConflicts(trx))
  bar?.done()
  // Only a database that has just received its demo users gets demo traffic, so a restart adds nothing.
  if (demoUsers.length && o.demoTraffic) await seedDemoTraffic(o.db, o.demoTraffic, o.out)
  return { reference, demoUsers }
}

async function seedDemoTraffic(db: Db, crossings: number, out?: Writable): Promise<void> {
  const traffic = out ? progressBar(out, 'Demo crossings', crossings) : undefined
  const report = await seedTraffic({ db, crossings, seed: 1, onProgress: (n) => traffic?.update(n) })
  traffic?.done(report.crossings)
  const count = Math.ceil(crossings / 20)
  const returns = out ? progressBar(out, 'Demo returnees', count) : undefined
  await seedDemoReturnees({ db, count, onProgress: (n) => returns?.update(n) })
  returns?.done()
  // Today's protection work at Poipet and Bavet, so the referral inbox and every stage of a case have something.
  await seedDemoDay({ db })
  await seedDemoTraining({ db })
  // The counter's day: traffic by hour, hits to adjudicate, a secondary queue, an inbox alert, a return list.
  await seedDemoCounter({ db })
}

export function printDemoCredentials(out: Writable, users: DemoCredential[]): void {
  if (!users.length) return
  out.write('\nDemo users (demo mode only; these passwords are shown once — note them now):\n')
  const w = Math.max(...users.map((u) => u.username.length))
  for (const u of users) {
    const where = [u.agencyCode, u.postCode].filter(Boolean).join(' / ')
    out.write(`  ${u.username.padEnd(w)}  ${u.password}  ${u.role} — ${where}\n`)
  }
  out.write('\n')
}
