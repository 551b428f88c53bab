import { randomUUID } from 'node:crypto'
import type { Executor } from '../../platform/db/database.ts'
import type { Client } from '../../test/test-app.ts'

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1f7e7e30000000049454e44ae426082',
  'hex',
)
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1')

export async function demoPlan(client: Client) {
  const plans = (await client.request('GET', '/api/plans')).json()
  return plans[0] as { id: string; illustrative: boolean }
}

export async function dashboard(client: Client, planId: string, year: number) {
  const res = await client.request('GET', `/api/plans/${planId}/dashboard?year=${year}`)
  if (res.statusCode !== 200) throw new Error(res.body)
  return res.json()
}

export function figureOf(
  d: { indicators: { code: string; figures: { period: string }[] }[] },
  code: string,
  period: string,
) {
  return d.indicators.find((i) => i.code === code)?.figures.find((f) => f.period === period) as
    | { value: number | null; status: string; target: number | null; progress: string }
    | undefined
}

export async function indicatorId(db: Executor, code: string): Promise<string> {
  const row = await db
    .selectFrom('plan_indicators')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
  return row.id
}

/** Returnees on the given days, each with or without a need answered at reception. */
export async function insertReturnees(db: Executor, rows: { day: string; needs: string[] }[]): Promise<void> {
  const officer = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'officer.poipet')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('returnees')
    .values(
      rows.map((r) => ({
        id: randomUUID(),
        post_code: 'LAND-POIPET',
        registered_at: new Date(`${r.day}T09:00:00+07:00`),
        registered_on: r.day,
        registered_by: officer.id,
        agency_code: 'GDI',
        family_latin: 'TEST',
        given_latin: 'PLAN',
        family_khmer: null,
        given_khmer: null,
        sex: 'F' as const,
        birth_date: null,
        estimated_age: 30,
        origin_province: null,
        origin_district: null,
        return_province: null,
        return_district: null,
        phone: null,
        return_type: 'spontaneous',
        triage_flags: [],
        needs: r.needs,
        referral_id: null,
        group_id: null,
        list_ref: null,
        list_key: null,
      })) as never,
    )
    .execute()
}

/** Saves, attaches a PNG and submits a report; returns its id. */
export async function submitted(
  client: Client,
  indicator: string,
  period: string,
  value: number,
): Promise<string> {
  const saved = await client.request('POST', `/api/plans/indicators/${indicator}/reports`, {
    period,
    value,
    note: '',
  })
  if (saved.statusCode !== 200) throw new Error(saved.body)
  const id = saved.json().id as string
  await client.request('POST', `/api/plans/reports/${id}/evidence?name=register.png`, PNG, {
    'content-type': 'image/png',
  })
  const sent = await client.request('POST', `/api/plans/reports/${id}/submit`, {})
  if (sent.statusCode !== 200) throw new Error(sent.body)
  return id
}
