import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect } from 'vitest'
import { sessionPolicyFrom } from '../../platform/http/context.ts'
import { buildServer } from '../../platform/http/server.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import type { Engine } from '../../test/test-db.ts'
import { ensureOwnKeys } from './keys.ts'

/** Two Passage instances side by side: `kh` as seeded (Cambodia's NCCT), `th` turned into Thailand's MSDHS. */
export interface Pair {
  kh: Side
  th: Side
}
export interface Side {
  t: TestApp
  code: string
  partner: string
  server: FastifyInstance
  url: string
}

export async function listen(t: TestApp, port = 0): Promise<{ server: FastifyInstance; url: string }> {
  const server = await buildServer({
    ctx: { store: t.store, config: t.config, sessionPolicy: sessionPolicyFrom(t.config) },
  })
  const url = await server.listen({ port, host: '127.0.0.1' })
  return { server, url }
}

/** Stops one instance's HTTP server (its database stays, as a process's would on disk) and starts it again. */
export async function restart(side: Side, down: () => Promise<void>): Promise<void> {
  await side.server.close()
  await down()
  const port = Number(new URL(side.url).port)
  const again = await listen(side.t, port)
  side.server = again.server
}

async function becomeThailand(t: TestApp) {
  await t.store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('exchange_authorities')
      .set({ is_self: false, agency_code: null })
      .where('code', '=', 'KH-NCCT')
      .execute()
    await trx
      .updateTable('exchange_authorities')
      .set({ is_self: true, agency_code: 'NCCT' })
      .where('code', '=', 'TH-MSDHS')
      .execute()
    await trx.deleteFrom('exchange_keys').execute()
    // Cambodia's demo inbox (Thailand's demo handover) is not Thailand's: its instance starts with none.
    await trx.deleteFrom('exchange_arrivals').execute()
    await trx.deleteFrom('exchange_messages').execute()
    await ensureOwnKeys(trx)
    await trx
      .updateTable('exchange_agreements')
      .set({ partner_code: 'KH-NCCT' })
      .where('code', '=', 'KH-TH-MOU-2003')
      .execute()
  })
}

/** Each side's administrator takes the other's published key set, through the API, after dropping the demo keys. */
async function trust(from: Side, to: Side) {
  await to.t.store.db.deleteFrom('exchange_keys').where('authority_code', '=', from.code).execute()
  const published = await from.t.anonymous.request('GET', '/api/exchange/keys')
  expect(published.statusCode).toBe(200)
  expect(published.json().authority).toBe(from.code)
  const admin = await to.t.signIn('admin')
  const res = await admin.request('POST', `/api/exchange/authorities/${from.code}/keys`, {
    keys: published.json().keys,
  })
  expect(res.statusCode).toBe(200)
  await to.t.store.db
    .updateTable('exchange_authorities')
    .set({ endpoint: `${from.url}/api/exchange/inbox` })
    .where('code', '=', from.code)
    .execute()
}

export async function pairUp(kh: TestApp, th: TestApp): Promise<Pair> {
  await becomeThailand(th)
  // The demo's Thai handover was signed by the demo key, not by this Thailand: the pair starts with no history.
  await kh.store.db.deleteFrom('exchange_arrivals').where('thread_ref', 'like', DEMO_THREADS).execute()
  await kh.store.db.deleteFrom('exchange_messages').where('thread_ref', 'like', DEMO_THREADS).execute()
  const a = await listen(kh)
  const b = await listen(th)
  const pair: Pair = {
    kh: { t: kh, code: 'KH-NCCT', partner: 'TH-MSDHS', ...a },
    th: { t: th, code: 'TH-MSDHS', partner: 'KH-NCCT', ...b },
  }
  await trust(pair.kh, pair.th)
  await trust(pair.th, pair.kh)
  return pair
}

export const AGREEMENT = 'KH-TH-MOU-2003'
const DEMO_THREADS = 'TH-DEMO-%'

/** A referral as a Thai shelter's case holds it: more than the agreement lets travel. */
export function referralContent(overrides: Record<string, unknown> = {}) {
  return {
    prs_FirstName: 'Sokha',
    prs_SecondName: 'Chan',
    xch_FirstNameNative: 'សុខា',
    xch_SecondNameNative: 'ចាន់',
    prs_Birthdate: '1998-03-14',
    prs_Gender: 'Female',
    prs_Nationality: 'KH',
    prs_MobilePhone: '+66812345678',
    xch_HomeProvince: 'Banteay Meanchey',
    vic_AgreementToManagePersonalData: 'yes',
    vic_TypeOfLabourExploitation: ['IllicitActivities'],
    vic_DetailsOfVulnerabilities: 'shelter notes that stay in Thailand',
    ...overrides,
  }
}

export async function countRows(
  t: TestApp,
  table: 'exchange_messages' | 'exchange_arrivals' | 'protection_cases',
) {
  const r = await t.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** A test file's pair of instances on `engine`, started before its tests and stopped after them. */
export function usePair(engine: Engine): () => Pair {
  let p: Pair | undefined
  // Two instances, each a cloned database and a server: slow on a machine shared with other test runs.
  beforeAll(async () => {
    p = await pairUp(await createTestApp(engine), await createTestApp(engine))
  }, 300_000)
  afterAll(async () => {
    for (const s of [p?.kh, p?.th]) {
      await s?.server.close()
      await s?.t.close()
    }
  })
  return () => p as Pair
}
