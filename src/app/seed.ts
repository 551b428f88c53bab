import type { Writable } from 'node:stream'
import { progressBar } from '../cli/progress.ts'
import type { Db } from '../platform/db/database.ts'
import { seedExaminationTemplates } from './documents/seed-templates.ts'
import { type DemoCredential, seedDemoUsers } from './identity/seed-demo-users.ts'
import { seedDemoProviders } from './protection/seed-providers.ts'
import { type SeedCounts, seedReference } from './reference/seed-reference.ts'
import { seedDefaultRuleSet } from './risk/seed-rule-set.ts'

export interface SeedResult {
  reference: SeedCounts
  demoUsers: DemoCredential[]
}

/**
 * Reference data always (existing rows are kept); demo users only into an empty users table, so a
 * production database that has real users is never given demo accounts.
 */
export async function seed(o: {
  db: Db
  demo: boolean
  demoPassword?: string
  out?: Writable
}): Promise<SeedResult> {
  const bar = o.out ? progressBar(o.out, 'Seeding', 2) : undefined
  const reference = await o.db.transaction().execute((trx) => seedReference({ trx }))
  await o.db.transaction().execute((trx) => seedExaminationTemplates({ trx }))
  await o.db.transaction().execute((trx) => seedDefaultRuleSet({ trx }))
  bar?.update(1)
  const demoUsers = await o.db.transaction().execute(async (trx) => {
    if (!o.demo) return []
    const any = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()
    return any ? [] : seedDemoUsers({ trx, password: o.demoPassword })
  })
  if (o.demo) await seedDemoProviders(o.db)
  bar?.done()
  return { reference, demoUsers }
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
