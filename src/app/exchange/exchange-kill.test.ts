import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { createOfflineDatabase, dropOfflineDatabase } from '../../test/offline-clusters.ts'
import { freePort, type RunningPassage, signInOver, spawnPassage, until } from '../../test/spawn-passage.ts'
import { AGREEMENT } from './exchange.testing.ts'

const cluster = process.env.TEST_DATABASE_URL

/** One instance: its own database on the cluster, its own key directory, a fixed port (its partner's endpoint). */
interface Instance {
  db: { name: string; url: string }
  store: Store
  keyDir: string
  dataDir: string
  port: number
  code: string
  proc?: RunningPassage
}

const start = async (i: Instance) => {
  i.proc = await spawnPassage(
    {
      DATABASE_URL: i.db.url,
      DEMO: 'false',
      PASSAGE_KEY_DIR: i.keyDir,
      // Kept across restarts, as a server's disk is: the audit key and checkpoints live there.
      DATA_DIR: i.dataDir,
      // A round every 100 ms instead of 5 s: many rounds within a kill's window.
      EXCHANGE_OUTBOX_EVERY_MS: '100',
    },
    i.port,
  )
}
const kill = async (i: Instance) => {
  const child = i.proc!.child
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGKILL')
  await exited
}

async function signIn(url: string, username: string) {
  const { cookie, csrfToken } = await signInOver(url, username)
  return async (method: string, path: string, body?: unknown, key?: string) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': csrfToken,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
}

/**
 * Two real Passage processes (Thailand's MSDHS sending return lists, Cambodia's NCCT receiving them), each with its
 * own database on the test cluster and its own key directory. `kill -9` of the receiver while the sender's outbox
 * delivers, then of the sender mid-delivery, while the officers keep sending: every send acknowledged (201) is in
 * the sender's outbox after the crash, and each is applied exactly once by the receiver (one stored message, one
 * `receive` audit entry, one expected arrival).
 */
describe.skipIf(!cluster)('the exchange through kill -9 of either instance', () => {
  const kh = {} as Instance
  const th = {} as Instance

  beforeAll(async () => {
    for (const [i, code] of [
      [kh, 'KH-NCCT'],
      [th, 'TH-MSDHS'],
    ] as const) {
      i.code = code
      i.db = await createOfflineDatabase(cluster!, 'template', 'passage_xkill_')
      i.store = await openStore({ databaseUrl: i.db.url, poolSize: 2 })
      i.keyDir = mkdtempSync(join(tmpdir(), 'passage-xkill-keys-'))
      i.dataDir = mkdtempSync(join(tmpdir(), 'passage-xkill-data-'))
      i.port = await freePort()
      // Each process makes its own keys at first start, in its own directory.
      await i.store.db.deleteFrom('exchange_keys').execute()
    }
    // The second database plays Thailand: its own authority is MSDHS, its partner under the MOU is Cambodia.
    await th.store.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('exchange_arrivals').execute()
      await trx.deleteFrom('exchange_messages').execute()
      await trx.updateTable('exchange_authorities').set({ is_self: false, agency_code: null }).execute()
      await trx
        .updateTable('exchange_authorities')
        .set({ is_self: true, agency_code: 'NCCT' })
        .where('code', '=', th.code)
        .execute()
      await trx
        .updateTable('exchange_agreements')
        .set({ partner_code: kh.code })
        .where('code', '=', AGREEMENT)
        .execute()
    })
    // One after the other: two cold starts at once on a busy machine can outlast the start's deadline.
    await start(kh)
    await start(th)
    // Each administrator takes the other's published key set through the API; each knows where the other listens.
    for (const [from, to] of [
      [kh, th],
      [th, kh],
    ] as const) {
      const published = (await (await fetch(`${from.proc!.url}/api/exchange/keys`)).json()) as {
        keys: unknown
      }
      const admin = await signIn(to.proc!.url, 'admin')
      const res = await admin('POST', `/api/exchange/authorities/${from.code}/keys`, { keys: published.keys })
      expect(res.status).toBe(200)
      await to.store.db
        .updateTable('exchange_authorities')
        .set({ endpoint: `${from.proc!.url}/api/exchange/inbox` })
        .where('code', '=', from.code)
        .execute()
    }
  }, 240_000)

  afterAll(async () => {
    for (const i of [kh, th]) {
      if (i.proc?.child.exitCode === null) await kill(i)
      await i.store?.close()
      if (i.db) await dropOfflineDatabase(cluster!, i.db.name)
      for (const dir of [i.keyDir, i.dataDir]) if (dir) rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)

  it('loses no acknowledged send and applies each exactly once, whichever side is killed', {
    timeout: 240_000,
  }, async () => {
    const acknowledged = new Set<string>()
    let n = 0
    const list = (k: number) => ({
      agreement: AGREEMENT,
      type: 'returns.g2g_list',
      threadRef: null,
      content: {
        xch_ListRef: `KILL-${k}`,
        xch_Arrivals: [
          {
            xch_RowId: 'r1',
            prs_FirstName: `Dara${String.fromCharCode(97 + (k % 26))}`,
            prs_SecondName: 'Keo',
            prs_Gender: 'Male',
            xch_ExpectedDate: todayInCambodia(),
            xch_BorderPoint: 'LAND-POIPET',
          },
        ],
      },
    })
    /** Sends until `stop` (or the sender dies); a 201 is a promise that the message will reach the partner. */
    const sending = (until: () => boolean, send: Awaited<ReturnType<typeof signIn>>) =>
      (async () => {
        while (!until()) {
          const k = n++
          const res = await send('POST', '/api/exchange/messages', list(k), `kill-send-${k}`).catch(
            () => null,
          )
          if (!res) return
          if (res.status === 201) acknowledged.add(((await res.json()) as { id: string }).id)
          else throw new Error(`send refused: ${res.status} ${await res.text()}`)
        }
      })()
    const delivered = async () =>
      Number(
        (
          await th.store.db
            .selectFrom('exchange_messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('direction', '=', 'out')
            .where('status', '=', 'delivered')
            .executeTakeFirstOrThrow()
        ).n,
      )

    // 1. The receiver is killed while the sender's outbox delivers a stream of lists.
    let officer = await signIn(th.proc!.url, 'casemanager')
    let stop = false
    let writing = sending(() => stop, officer)
    await until('the first lists delivered', async () => (await delivered()) >= 3)
    await kill(kh)
    const atReceiverKill = await delivered()
    await until(
      'more lists sent while the receiver is down',
      async () => acknowledged.size >= atReceiverKill + 5,
    )
    stop = true
    await writing
    await start(kh)

    // 2. The sender is killed mid-delivery, while its officers are still sending.
    stop = false
    writing = sending(() => stop, officer)
    const before = await delivered()
    await until('delivery under way again', async () => (await delivered()) > before)
    await kill(th)
    await writing // ends at the first request the dead sender cannot answer
    const promised = [...acknowledged]
    await start(th)

    // Every acknowledged send is in the outbox after the crash: kept, never lost with the process.
    const kept = await th.store.db
      .selectFrom('exchange_messages')
      .select('id')
      .where('direction', '=', 'out')
      .where('id', 'in', promised)
      .execute()
    expect(kept).toHaveLength(promised.length)
    // A request retried with its idempotency key after the restart gets the same message, not a second one.
    officer = await signIn(th.proc!.url, 'casemanager')
    const last = n - 1
    const retried = await officer('POST', '/api/exchange/messages', list(last), `kill-send-${last}`)
    // 200: it had committed (its answer may have died with the process) and the retry gets that message back;
    // 201: it died before committing, and is sent now. Either way one message, acknowledged now.
    expect([200, 201]).toContain(retried.status)
    acknowledged.add(((await retried.json()) as { id: string }).id)
    const all = [...acknowledged]

    // Deliveries resume on both restarts until every message carries the receiver's signed receipt.
    await until('every acknowledged list delivered', async () => {
      const rows = await th.store.db
        .selectFrom('exchange_messages')
        .select(['id', 'status', 'receipt'])
        .where('direction', '=', 'out')
        .execute()
      return rows.length === all.length && rows.every((r) => r.status === 'delivered' && r.receipt)
    })
    // Applied exactly once on the receiver: one stored message, one `receive` audit entry, one arrival per list.
    const received = await sql<{ id: string; copies: number; receives: number; arrivals: number }>`
      SELECT m.id::text AS id, count(*)::int AS copies,
        (SELECT count(*)::int FROM audit_log a WHERE a.action = 'receive' AND a.record_id = m.id::text) AS receives,
        (SELECT count(*)::int FROM exchange_arrivals x WHERE x.message_id = m.id) AS arrivals
      FROM exchange_messages m WHERE m.direction = 'in' AND m.type = 'returns.g2g_list' GROUP BY m.id`.execute(
      kh.store.db,
    )
    expect(received.rows.map((r) => r.id).sort()).toEqual([...all].sort())
    expect(received.rows.every((r) => r.copies === 1 && r.receives === 1 && r.arrivals === 1)).toBe(true)
    const arrivals = await kh.store.db
      .selectFrom('exchange_arrivals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('row_key', 'like', 'list:KILL-%')
      .executeTakeFirstOrThrow()
    expect(Number(arrivals.n)).toBe(all.length)
  })
})
