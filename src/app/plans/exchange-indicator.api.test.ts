import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planQuarters, yearPeriod } from '../../domain/plans/periods.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { dashboard, demoPlan, figureOf } from './plans.testing.ts'

/**
 * Issue 14 §1's "cross-border messages by outcome": a planner gives an indicator the `exchange-messages` source
 * and the dashboard counts the exchange's messages that reached the other side — delivered out, applied in —
 * per quarter and year, equal to a brute-force count; pending and refused ones are not counted.
 */
const MESSAGES: { at: string; direction: 'out' | 'in'; status: string }[] = [
  { at: '2025-01-01T00:30:00+07:00', direction: 'out', status: 'delivered' },
  { at: '2025-03-31T23:30:00+07:00', direction: 'in', status: 'applied' },
  { at: '2025-04-01T00:10:00+07:00', direction: 'out', status: 'refused' },
  { at: '2025-05-02T10:00:00+07:00', direction: 'out', status: 'pending' },
  { at: '2025-08-20T10:00:00+07:00', direction: 'out', status: 'delivered' },
  { at: '2025-08-21T10:00:00+07:00', direction: 'in', status: 'applied' },
  { at: '2025-12-31T23:59:00+07:00', direction: 'in', status: 'applied' },
]

describe.each(engines())('cross-border messages as a plan indicator on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
    await sql`INSERT INTO exchange_authorities (code, country, name_en, name_km)
      VALUES ('TH-TEST', 'THA', 'Test partner', 'ដៃគូសាកល្បង')`.execute(t.store.db)
    for (const m of MESSAGES)
      await sql`INSERT INTO exchange_messages (id, direction, partner_code, agreement_code, type, content, jws, hash,
          sent_at, status)
        VALUES (${randomUUID()}, ${m.direction}, 'TH-TEST', 'TEST', 'notice', '{}', 'x', 'h', ${new Date(m.at)},
          ${m.status})`.execute(t.store.db)
  })
  afterAll(() => t.close())

  it('counts messages delivered or applied per quarter and year, as a brute-force count does; no data before the first', async () => {
    const analyst = await t.signIn('analyst')
    const plan = await demoPlan(analyst)
    const node = await t.store.db
      .selectFrom('plan_nodes')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('kind', '=', 'objective')
      .orderBy('position')
      .executeTakeFirstOrThrow()
    const created = await analyst.request('POST', `/api/plans/${plan.id}/indicators`, {
      nodeId: node.id,
      code: 'X1',
      nameEn: 'Cross-border messages exchanged',
      nameKm: 'សារឆ្លងព្រំដែនដែលបានផ្លាស់ប្តូរ',
      definitionEn: 'Messages delivered to or applied from partner authorities.',
      definitionKm: 'សារដែលបានបញ្ជូនដល់ ឬបានអនុវត្តពីអាជ្ញាធរដៃគូ។',
      unit: 'count',
      direction: 'increase',
      source: 'exchange-messages',
      verificationEn: 'Exchange ledger',
      verificationKm: 'បញ្ជីការផ្លាស់ប្តូរ',
      gcm: [23],
    })
    expect(created.statusCode).toBe(201)
    const d = await dashboard(analyst, plan.id, 2025)
    for (const p of [...planQuarters({ startYear: 2025, endYear: 2025 }), yearPeriod(2025)]) {
      const brute = MESSAGES.filter((m) => {
        const day = new Date(Date.parse(m.at) + 7 * 3_600_000).toISOString().slice(0, 10)
        return day >= p.from && day <= p.to && ['delivered', 'applied'].includes(m.status)
      }).length
      expect(figureOf(d, 'X1', p.key)).toMatchObject({ value: brute, status: 'published' })
    }
    expect(figureOf(d, 'X1', '2025')?.value).toBe(5)
    const before = await dashboard(analyst, plan.id, 2024)
    expect(figureOf(before, 'X1', '2024-Q4')).toMatchObject({ value: null, status: 'no_data' })
  })
})
