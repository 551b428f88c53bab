import { randomUUID } from 'node:crypto'
import { generateMrz } from '../../domain/documents/index.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { Client, TestApp } from '../../test/test-app.ts'

/** A valid passport MRZ; each test gives its own number so travellers do not mix. */
export const passportMrz = (number: string, over: { birthDate?: string; surname?: string } = {}) =>
  generateMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingState: 'THA',
    documentNumber: number,
    nationality: 'THA',
    surname: over.surname ?? 'Somchai',
    givenNames: 'Anong',
    birthDate: over.birthDate ?? '1991-03-14',
    sex: 'F',
    expiryDate: '2032-08-01',
  }).lines.join('\n')

/** The day `n` days before today in Cambodia. */
export function daysAgo(n: number): string {
  const d = new Date(`${todayInCambodia()}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - n)
  return d.toISOString().slice(0, 10)
}

export async function inspect(c: Client, text: string) {
  const res = await c.request('POST', '/api/crossings/inspect', { text })
  if (res.statusCode !== 200) throw new Error(`inspection failed: ${res.body}`)
  return res.json()
}

/** The decision body for an inspection, admitting by default. */
export const decisionFor = (
  i: { document: { id: string }; risk: { id: string }; screening: { requestId: string } },
  over: Record<string, unknown> = {},
) => ({
  documentId: i.document.id,
  counter: 'A3',
  direction: 'entry',
  decision: 'admit',
  riskEvaluationId: i.risk.id,
  screeningRequestId: i.screening.requestId,
  ...over,
})

/** An admitted entry recorded in the past, as an earlier inspection would have left it. */
export async function pastEntry(
  t: TestApp,
  o: { travellerId: string; documentId: string; day: string; permittedStayDays: number },
) {
  const officer = await t.store.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'officer.poipet')
    .executeTakeFirstOrThrow()
  const id = randomUUID()
  await t.store.db
    .insertInto('crossings')
    .values({
      id,
      traveller_id: o.travellerId,
      document_id: o.documentId,
      post_code: 'LAND-POIPET',
      counter: 'A1',
      officer_id: officer.id,
      agency_code: 'GDI',
      crossed_at: new Date(`${o.day}T09:00:00+07:00`),
      crossed_on: o.day,
      direction: 'entry',
      purpose: 'tourism',
      permit_type: 'tourist_visa',
      permit_number: 'V0001',
      permit_valid_from: null,
      permit_valid_until: null,
      permitted_stay_days: o.permittedStayDays,
      transport: 'land',
      vehicle_plate: null,
      flight_number: null,
      vessel_name: null,
      decision: 'admit',
      refusal_reason: null,
      risk_evaluation_id: null,
      screening_request_id: null,
      matched_entry_id: null,
      stay_days: null,
      overstay_days: null,
      flags: '[]',
      previous_admitted_id: null,
    })
    .execute()
  return id
}

export async function crossingCount(t: TestApp, travellerId: string): Promise<number> {
  const r = await t.store.db
    .selectFrom('crossings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('traveller_id', '=', travellerId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}
