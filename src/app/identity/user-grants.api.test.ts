import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role, Scope } from '../../domain/identity/roles.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { createList } from '../screening/screening.testing.ts'
import { createUser } from './manage-users.ts'
import { updateUserRow } from './users.repository.ts'

const PASSWORD = 'a-long-enough-passphrase'

interface Placement {
  role: Role
  agencyCode: string
  postCode: string | null
  scope: Scope
}

const newUser = (username: string, p: Partial<Placement> = {}) => ({
  username,
  displayName: 'Someone New',
  role: 'frontline_officer',
  agencyCode: 'GDI',
  postCode: 'LAND-POIPET',
  scope: 'post',
  password: PASSWORD,
  ...p,
})

// Issue 12 §2: an administrator of one agency (or one post) must not reach beyond it, by creating users, by moving
// them, by taking over wider accounts, or by widening their own account.
describe.each(engines())('administrators stay within their own reach on %s', (engine) => {
  let t: TestApp
  /** Adds a user with the operator's authority (as the CLI does), ready to sign in. */
  const seedUser = async (username: string, p: Placement) => {
    const row = await t.store.db.transaction().execute(async (trx) => {
      const created = await createUser({ trx, actor: null, user: { ...newUser(username), ...p } })
      return updateUserRow(trx, created.id, { must_change_password: false })
    })
    return row
  }
  const userRow = (username: string) =>
    t.store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow()
  const idOf = async (username: string) => (await userRow(username)).id

  beforeAll(async () => {
    t = await createTestApp(engine)
    await seedUser('gdi.admin', { role: 'administrator', agencyCode: 'GDI', postCode: null, scope: 'agency' })
    await seedUser('poipet.admin', {
      role: 'administrator',
      agencyCode: 'GDI',
      postCode: 'LAND-POIPET',
      scope: 'post',
    })
  })
  afterAll(() => t.close())

  it('refuses an agency administrator who widens their own scope to national', async () => {
    const gdi = await t.signIn('gdi.admin', PASSWORD)
    const id = await idOf('gdi.admin')
    const res = await gdi.request('PATCH', `/api/users/${id}`, { scope: 'national' })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('body.scope')
    expect((await userRow('gdi.admin')).scope).toBe('agency')
  })

  it('refuses an agency administrator who creates a national administrator, and writes nothing', async () => {
    const gdi = await t.signIn('gdi.admin', PASSWORD)
    const res = await gdi.request(
      'POST',
      '/api/users',
      newUser('shadow.admin', { role: 'administrator', postCode: null, scope: 'national' }),
    )
    expect(res.statusCode).toBe(403)
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ path: 'body.scope', code: 'identity.grant.scope_beyond_reach' }),
    ])
    // The refusal is worded in the caller's language.
    expect(res.json().error.details[0].message).not.toBe('identity.grant.scope_beyond_reach')
    const found = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'shadow.admin')
      .execute()
    expect(found).toEqual([])
  })

  it('refuses moving one of its officers into another agency as an investigator, who so never reads that agency’s lists', async () => {
    const investigator = await t.signIn('investigator')
    const npcList = await createList(investigator, { ownerAgency: 'NPC' })
    await seedUser('gdi.mole', {
      role: 'frontline_officer',
      agencyCode: 'GDI',
      postCode: 'LAND-POIPET',
      scope: 'post',
    })
    const gdi = await t.signIn('gdi.admin', PASSWORD)
    const res = await gdi.request('PATCH', `/api/users/${await idOf('gdi.mole')}`, {
      role: 'investigator',
      agencyCode: 'NPC',
      postCode: null,
      scope: 'agency',
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.details.map((d: { code: string }) => d.code)).toContain(
      'identity.grant.agency_beyond_reach',
    )
    const mole = await userRow('gdi.mole')
    expect([mole.role, mole.agency_code, mole.scope]).toEqual(['frontline_officer', 'GDI', 'post'])
    const asMole = await t.signIn('gdi.mole', PASSWORD)
    expect((await asMole.request('GET', `/api/watchlists/${npcList.id}/persons`)).statusCode).toBe(403)
  })

  it('keeps a national administrator’s account out of an agency administrator’s hands', async () => {
    const gdi = await t.signIn('gdi.admin', PASSWORD)
    // `admin` is a national administrator placed in GDI: the agency matches, the scope does not.
    const adminId = await idOf('admin')
    const before = await userRow('admin')
    const reset = await gdi.request('POST', `/api/users/${adminId}/password`, {
      password: 'taken over by gdi',
    })
    expect(reset.statusCode).toBe(403)
    const disable = await gdi.request('PATCH', `/api/users/${adminId}`, { disabled: true })
    expect(disable.statusCode).toBe(403)
    const rename = await gdi.request('PATCH', `/api/users/${adminId}`, { displayName: 'Renamed' })
    expect(rename.statusCode).toBe(403)
    const after = await userRow('admin')
    expect([after.password_hash, after.disabled, after.display_name]).toEqual([
      before.password_hash,
      false,
      before.display_name,
    ])
    expect((await t.signIn('admin')).csrf).toBeTruthy()
  })

  it('keeps users of another agency out of an agency administrator’s hands', async () => {
    const gdi = await t.signIn('gdi.admin', PASSWORD)
    const npc = await idOf('investigator')
    expect(
      (await gdi.request('POST', `/api/users/${npc}/password`, { password: 'taken over by gdi' })).statusCode,
    ).toBe(403)
    expect((await gdi.request('PATCH', `/api/users/${npc}`, { disabled: true })).statusCode).toBe(403)
    const created = await gdi.request('POST', '/api/users', newUser('npc.plant', { agencyCode: 'NPC' }))
    expect(created.statusCode).toBe(403)
  })

  it('refuses a post administrator who creates an agency-wide user or one at another post', async () => {
    const poipet = await t.signIn('poipet.admin', PASSWORD)
    const wide = await poipet.request(
      'POST',
      '/api/users',
      newUser('wide.officer', { postCode: null, scope: 'agency' }),
    )
    expect(wide.statusCode).toBe(403)
    const elsewhere = await poipet.request(
      'POST',
      '/api/users',
      newUser('bavet.officer', { postCode: 'LAND-BAVET' }),
    )
    expect(elsewhere.statusCode).toBe(403)
    const own = await poipet.request('POST', '/api/users', newUser('poipet.officer'))
    expect(own.statusCode).toBe(201)
  })

  it('refuses any administrator, even a national one, who changes their own role, agency, post or scope', async () => {
    const admin = await t.signIn('admin')
    const id = await idOf('admin')
    for (const change of [
      { agencyCode: 'NPC' },
      { postCode: 'LAND-POIPET' },
      { scope: 'agency' },
      { role: 'investigator' },
    ]) {
      const res = await admin.request('PATCH', `/api/users/${id}`, change)
      expect(res.statusCode, JSON.stringify(change)).toBe(403)
      expect(res.json().error.details.map((d: { code: string }) => d.code)).toContain(
        'identity.grant.own_placement',
      )
    }
    const row = await userRow('admin')
    expect([row.role, row.agency_code, row.post_code, row.scope]).toEqual([
      'administrator',
      'GDI',
      null,
      'national',
    ])
    // Their own name is theirs to correct.
    expect(
      (await admin.request('PATCH', `/api/users/${id}`, { displayName: 'Chief Administrator' })).statusCode,
    ).toBe(200)
  })

  it('still lets an agency administrator run their own agency', async () => {
    const gdi = await t.signIn('gdi.admin', PASSWORD)
    const created = await gdi.request('POST', '/api/users', newUser('gdi.new', { postCode: 'LAND-BAVET' }))
    expect(created.statusCode).toBe(201)
    const moved = await gdi.request('PATCH', `/api/users/${created.json().id}`, {
      role: 'shift_supervisor',
      postCode: 'LAND-POIPET',
    })
    expect(moved.statusCode).toBe(200)
    const widened = await gdi.request('PATCH', `/api/users/${created.json().id}`, {
      scope: 'agency',
      postCode: null,
    })
    expect(widened.statusCode).toBe(200)
    const reset = await gdi.request('POST', `/api/users/${created.json().id}/password`, {
      password: 'new temporary words',
    })
    expect(reset.statusCode).toBe(200)
  })
})
