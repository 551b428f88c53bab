import { get, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { decisionFor, inspect, passportMrz } from '../crossings/crossings.testing.ts'
import { register, returneeBody } from '../returns/returns.testing.ts'
import { addPerson, createList, person, screen } from '../screening/screening.testing.ts'
import type { BoardSnapshot } from './post-board.ts'

/** Reads a Server-Sent Events stream over real HTTP and hands out its `board` events in order. */
function openStream(url: string, cookie: string) {
  const events: BoardSnapshot[] = []
  const waiting: (() => void)[] = []
  let response: IncomingMessage | undefined
  const started = new Promise<IncomingMessage>((resolve, reject) => {
    get(url, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      response = res
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = block.split('\n').find((l) => l.startsWith('data: '))
          if (block.includes('event: board') && data) {
            events.push(JSON.parse(data.slice(6)))
            for (const w of waiting.splice(0)) w()
          }
          end = buffer.indexOf('\n\n')
        }
      })
      resolve(res)
    }).on('error', reject)
  })
  return {
    started,
    /** The first event, from the n-th on, that satisfies `test`. */
    async until(test: (s: BoardSnapshot) => boolean, from = 0): Promise<BoardSnapshot> {
      for (let i = from; ; i++) {
        while (events.length <= i) await new Promise<void>((r) => waiting.push(r))
        if (test(events[i]!)) return events[i]!
      }
    },
    count: () => events.length,
    close: () => response?.destroy(),
  }
}

describe.each(engines())('live post board on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const board = async (username: string, post = 'LAND-POIPET') =>
    (await (await t.signIn(username)).request('GET', `/api/posts/${post}/board`)).json() as BoardSnapshot

  it('counts today’s movements by decision and hour, hits awaiting adjudication, the secondary queue and returnees', async () => {
    const officer = await t.signIn('officer.poipet')
    const before = await board('supervisor.poipet')
    expect(before.hourly).toHaveLength(24)

    const a = await inspect(officer, passportMrz('BD1000001'))
    expect((await officer.request('POST', '/api/crossings', decisionFor(a))).statusCode).toBe(201)
    const b = await inspect(officer, passportMrz('BD1000002'))
    const refused = decisionFor(b, { decision: 'refuse', refusalReason: 'no_valid_visa' })
    expect((await officer.request('POST', '/api/crossings', refused)).statusCode).toBe(201)
    const c = await inspect(officer, passportMrz('BD1000004'))
    const referred = decisionFor(c, {
      decision: 'refer_secondary',
      referralNote: 'Visa does not fit the story.',
    })
    expect((await officer.request('POST', '/api/crossings', referred)).statusCode).toBe(201)
    const returnee = await register(officer, returneeBody({ givenLatin: 'Board' }))
    expect(returnee.statusCode).toBe(201)
    const investigator = await t.signIn('investigator')
    const list = await createList(investigator)
    await addPerson(investigator, list.id, person({ names: ['PHALLA Dara'], birthDate: '1985-01-02' }))
    const screened = await screen(officer, { person: { name: 'Phalla Dara', birthDate: '1985-01-02' } })
    expect(screened.hits.length).toBeGreaterThan(0)

    const after = await board('supervisor.poipet')
    expect(after.entries.total - before.entries.total).toBe(3)
    expect(after.entries.referred - before.entries.referred).toBe(1)
    expect(after.secondary.waiting - before.secondary.waiting).toBe(1)
    expect(after.secondary.oldestWaitingSince).not.toBeNull()
    expect(after.returneesToday - before.returneesToday).toBe(1)
    expect(after.entries.admitted - before.entries.admitted).toBe(1)
    expect(after.entries.refused - before.entries.refused).toBe(1)
    expect(after.hourly.reduce((s, h) => s + h.entries, 0)).toBe(after.entries.total)
    expect(after.hitsAwaiting - before.hitsAwaiting).toBe(screened.hits.length)
    expect((await board('customs.bavet', 'LAND-BAVET')).entries.total).toBe(0)
  })

  it('shows a post’s board to its own staff and to national analysts only', async () => {
    const customs = await t.signIn('customs.bavet')
    expect((await customs.request('GET', '/api/posts/LAND-POIPET/board')).statusCode).toBe(403)
    expect((await customs.request('GET', '/api/posts/LAND-POIPET/board/stream')).statusCode).toBe(403)
    const worker = await t.signIn('socialworker')
    expect((await worker.request('GET', '/api/posts/LAND-POIPET/board')).statusCode).toBe(403)
    expect((await board('analyst')).postCode).toBe('LAND-POIPET')
    const analyst = await t.signIn('analyst')
    expect((await analyst.request('GET', '/api/posts/NO-SUCH-POST/board')).statusCode).toBe(404)
    expect((await t.anonymous.request('GET', '/api/posts/LAND-POIPET/board/stream')).statusCode).toBe(401)
  })

  it('pushes a new snapshot to a watching screen after a crossing is recorded, without a reload', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as AddressInfo
    const supervisor = await t.signIn('supervisor.poipet')
    const stream = openStream(
      `http://127.0.0.1:${port}/api/posts/LAND-POIPET/board/stream`,
      supervisor.cookie,
    )
    const res = await stream.started
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/event-stream')
    const first = await stream.until(() => true)

    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('BD1000003'))
    expect((await officer.request('POST', '/api/crossings', decisionFor(i))).statusCode).toBe(201)
    const next = await stream.until((s) => s.entries.total > first.entries.total, 1)
    expect(next.entries.total).toBe(first.entries.total + 1)
    expect(next.entries.admitted).toBe(first.entries.admitted + 1)
    stream.close()
  })
})
