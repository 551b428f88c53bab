import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionPolicyFrom } from '../../platform/http/context.ts'
import { buildServer } from '../../platform/http/server.ts'
import { createTestApp, type TestApp, testConfig } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { addPerson, createList, person, screen } from './screening.testing.ts'

describe.each(engines())('alert lists on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('lets only the owning agency change its list, and audits each change with its reason', async () => {
    const investigator = await t.signIn('investigator')
    const list = await createList(investigator)
    const entry = await addPerson(investigator, list.id)

    const officer = await t.signIn('officer.poipet')
    expect(
      (
        await officer.request('POST', `/api/watchlists/${list.id}/persons`, {
          entry: person(),
          reason: 'x-x-x',
        })
      ).statusCode,
    ).toBe(403)
    // An investigator of another agency may not create lists for NPC.
    const admin = await t.signIn('admin')
    const gdiList = await createList(admin, { ownerAgency: 'GDI' })
    const denied = await investigator.request('POST', `/api/watchlists/${gdiList.id}/persons`, {
      entry: person(),
      reason: 'not ours',
    })
    expect(denied.statusCode).toBe(403)
    const noReason = await investigator.request('PATCH', `/api/watchlists/${list.id}/persons/${entry.id}`, {
      entry: person(),
    })
    expect(noReason.statusCode).toBe(400)

    const audit = await t.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', entry.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create'])
    expect((audit[0]!.details as { reason: string }).reason).toBe('Warrant 2026/114')

    const lists = (await investigator.request('GET', '/api/watchlists')).json() as { id: string }[]
    expect(lists.map((l) => l.id)).toContain(list.id)
    expect(lists.map((l) => l.id)).not.toContain(gdiList.id)
  })

  it('flags entries past their review date', async () => {
    const investigator = await t.signIn('investigator')
    const list = await createList(investigator)
    await addPerson(investigator, list.id, person({ names: ['Old Entry'], reviewDate: '2020-01-01' }))
    await addPerson(investigator, list.id, person({ names: ['Fresh Entry'], reviewDate: '2999-01-01' }))
    const all = (await investigator.request('GET', `/api/watchlists/${list.id}/persons`)).json()
    expect(all.total).toBe(2)
    const overdue = (
      await investigator.request('GET', `/api/watchlists/${list.id}/persons?overdue=true`)
    ).json()
    expect(overdue.items.map((e: { names: string[] }) => e.names[0])).toEqual(['Old Entry'])
    expect(overdue.items[0].reviewOverdue).toBe(true)
    const lists = (await investigator.request('GET', '/api/watchlists')).json() as {
      id: string
      overdue: number
    }[]
    expect(lists.find((l) => l.id === list.id)!.overdue).toBe(1)
  })

  it('keeps the index current after add, update and remove', async () => {
    const investigator = await t.signIn('investigator')
    const officer = await t.signIn('officer.poipet')
    const list = await createList(investigator)
    const entry = await addPerson(
      investigator,
      list.id,
      person({ names: ['Vannak Rithisak'], birthDate: '1985' }),
    )
    expect((await screen(officer, { person: { name: 'Rithisak Vannak' } })).hits).toHaveLength(1)

    const changed = await investigator.request('PATCH', `/api/watchlists/${list.id}/persons/${entry.id}`, {
      entry: person({ names: ['Sothea Bunthoeun'], birthDate: '1985' }),
      reason: 'Corrected name after identity check',
    })
    expect(changed.statusCode).toBe(200)
    expect((await screen(officer, { person: { name: 'Rithisak Vannak' } })).hits).toHaveLength(0)
    expect((await screen(officer, { person: { name: 'Sothea Bunthoeun' } })).hits).toHaveLength(1)

    const removed = await investigator.request(
      'POST',
      `/api/watchlists/${list.id}/persons/${entry.id}/remove`,
      {
        reason: 'Warrant withdrawn',
      },
    )
    expect(removed.statusCode).toBe(200)
    expect((await screen(officer, { person: { name: 'Sothea Bunthoeun' } })).hits).toHaveLength(0)
  })

  it('drops a switched-off list from screening and brings it back when switched on', async () => {
    const investigator = await t.signIn('investigator')
    const officer = await t.signIn('officer.poipet')
    const list = await createList(investigator)
    await addPerson(investigator, list.id, person({ names: ['Bunroeun Makara'] }))
    const toggle = (active: boolean) =>
      investigator.request('PATCH', `/api/watchlists/${list.id}`, { active, reason: 'Quarterly list review' })
    expect((await toggle(false)).json().active).toBe(false)
    expect((await screen(officer, { person: { name: 'Makara Bunroeun' } })).hits).toHaveLength(0)
    await toggle(true)
    expect((await screen(officer, { person: { name: 'Makara Bunroeun' } })).hits).toHaveLength(1)
  })

  it('shows a change made through one server to a second server on the same database', async () => {
    // A second server with its own index, as a second API process sharing the database would have.
    const config = testConfig().config
    const second = await buildServer({
      ctx: { store: { ...t.store }, config, sessionPolicy: sessionPolicyFrom(config) },
    })
    try {
      const officer = await t.signIn('officer.poipet')
      const signIn = await second.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: 'officer.poipet', password: 'test-password-for-demo-users' },
      })
      const cookie = signIn.cookies.find((c) => c.name === 'passage_session')!
      const screenOnSecond = async (name: string) =>
        (
          await second.inject({
            method: 'POST',
            url: '/api/screening/screen',
            payload: { person: { name } },
            headers: { cookie: `passage_session=${cookie.value}`, 'x-csrf-token': signIn.json().csrfToken },
          })
        ).json().hits as unknown[]
      expect(await screenOnSecond('Kosal Pheakdey')).toHaveLength(0)
      const investigator = await t.signIn('investigator')
      const list = await createList(investigator)
      await addPerson(investigator, list.id, person({ names: ['Pheakdey Kosal'] }))
      expect(await screenOnSecond('Kosal Pheakdey')).toHaveLength(1)
      expect((await screen(officer, { person: { name: 'Kosal Pheakdey' } })).hits).toHaveLength(1)
    } finally {
      await second.close()
    }
  })
})
