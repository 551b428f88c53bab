import { randomUUID } from 'node:crypto'
import { DEFAULT_RULE_SET, fingerprint } from '../../domain/risk/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { systemActor } from '../identity/manage-users.ts'

/**
 * Agencies that receive risk alerts, and the hours an alert may stay unacknowledged before it escalates to the
 * agency's national-scope users. One working day is the starting point; administrators change it per agency.
 */
export const ALERT_AGENCIES = { notify_police: 'NPC', notify_ncct: 'NCCT', notify_mosvy: 'MOSVY' } as const
const DEFAULT_ESCALATION_HOURS = 24

/**
 * The national default rule set, active from the first start in demo and production alike, recorded as seeded
 * by `system`: it was reviewed as code, with its sources cited in the rule data. Only an empty table is seeded,
 * so a database whose analysts have moved on to later versions keeps them.
 */
export async function seedDefaultRuleSet(o: { trx: Tx }): Promise<{ seeded: boolean }> {
  const agencies = await o.trx
    .selectFrom('agencies')
    .select('code')
    .where('code', 'in', Object.values(ALERT_AGENCIES))
    .execute()
  if (agencies.length > 0)
    await o.trx
      .insertInto('risk_alert_settings')
      .values(agencies.map((a) => ({ agency_code: a.code, escalate_after_hours: DEFAULT_ESCALATION_HOURS })))
      .onConflict((oc) => oc.column('agency_code').doNothing())
      .execute()
  const any = await o.trx.selectFrom('risk_rule_sets').select('id').limit(1).executeTakeFirst()
  if (any) return { seeded: false }
  const now = new Date()
  const id = randomUUID()
  const print = fingerprint(DEFAULT_RULE_SET)
  const seedEvent = { action: 'seed', actor: 'system', at: now.toISOString(), from: null, to: 'active' }
  await o.trx
    .insertInto('risk_rule_sets')
    .values({
      id,
      version_id: DEFAULT_RULE_SET.versionId,
      name: DEFAULT_RULE_SET.name,
      status: 'active',
      rule_set: JSON.stringify(DEFAULT_RULE_SET),
      fingerprint: print,
      authors: JSON.stringify(['system']),
      based_on: null,
      reviewed_by: 'system',
      reviewed_fingerprint: print,
      reviewed_at: now,
      activated_by: 'system',
      activated_at: now,
      history: JSON.stringify([seedEvent]),
      created_by: 'system',
      created_at: now,
      updated_at: now,
    })
    .execute()
  await appendAudit(o.trx, systemActor, {
    action: 'seed',
    resource: 'rule_set',
    recordId: id,
    details: { versionId: DEFAULT_RULE_SET.versionId, fingerprint: print },
  })
  return { seeded: true }
}
