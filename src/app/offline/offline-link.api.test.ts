import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

describe.each(engines())('the link state an officer sees, on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('is for signed-in users only', async () => {
    expect((await t.anonymous.request('GET', '/api/offline/link')).statusCode).toBe(401)
  })

  it('says nothing on a standalone server', async () => {
    const officer = await t.signIn('officer.poipet')
    expect((await officer.request('GET', '/api/offline/link')).json()).toEqual({
      role: 'standalone',
      postCode: null,
      up: true,
      downSince: null,
      alertListsAsOf: null,
      stale: false,
      staleAfterMinutes: 1440,
    })
  })

  it('at a post, gives the age of its alert lists, warns past the configured age, and says when the link is down', async () => {
    const officer = await t.signIn('officer.poipet')
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
    await sql`INSERT INTO offline_settings (role, post_code) VALUES ('post', 'LAND-POIPET')`.execute(
      t.store.db,
    )
    await sql`INSERT INTO offline_heartbeats VALUES ('national', ${twoDaysAgo})`.execute(t.store.db)
    const old = (await officer.request('GET', '/api/offline/link')).json()
    // No subscription to the centre here: the link is down, never having been up.
    expect(old).toMatchObject({
      role: 'post',
      postCode: 'LAND-POIPET',
      up: false,
      downSince: null,
      stale: true,
    })
    expect(new Date(old.alertListsAsOf).getTime()).toBe(twoDaysAgo.getTime())

    await sql`UPDATE offline_settings SET stale_after_minutes = 4320`.execute(t.store.db)
    expect((await officer.request('GET', '/api/offline/link')).json()).toMatchObject({
      stale: false,
      staleAfterMinutes: 4320,
    })
    await expect(
      sql`UPDATE offline_settings SET stale_after_minutes = 0`.execute(t.store.db),
    ).rejects.toThrow()
  })

  it('keeps a heartbeat row to its own node, and refuses a malformed node name', async () => {
    await expect(
      sql`INSERT INTO offline_heartbeats VALUES ('post:bad name; --', now())`.execute(t.store.db),
    ).rejects.toThrow()
    await expect(
      sql`INSERT INTO offline_settings (role) VALUES ('post')`.execute(t.store.db),
    ).rejects.toThrow()
  })
})
