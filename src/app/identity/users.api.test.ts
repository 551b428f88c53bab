import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

const newUser = (over: Record<string, unknown> = {}) => ({
  username: 'officer.bavet',
  displayName: 'Srey Neang',
  role: 'frontline_officer',
  agencyCode: 'GDI',
  postCode: 'LAND-BAVET',
  scope: 'post',
  password: 'a-temporary-passphrase',
  ...over,
})

describe.each(engines())('user administration on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('lets an administrator create a user who must change the password at first sign-in', async () => {
    const admin = await t.signIn('admin')
    const res = await admin.request('POST', '/api/users', newUser())
    expect(res.statusCode).toBe(201)
    expect(res.json().mustChangePassword).toBe(true)

    const officer = await t.signIn('officer.bavet', 'a-temporary-passphrase')
    const blocked = await officer.request('GET', '/api/posts')
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('password_change_required')

    const changed = await officer.request('POST', '/api/auth/password', {
      currentPassword: 'a-temporary-passphrase',
      newPassword: 'my own long passphrase',
    })
    expect(changed.statusCode).toBe(200)
    expect((await officer.request('GET', '/api/posts')).statusCode).toBe(200)
  })

  it('rejects a weak password with each broken rule named', async () => {
    const admin = await t.signIn('admin')
    const res = await admin.request(
      'POST',
      '/api/users',
      newUser({ username: 'weakling', password: 'weakling1' }),
    )
    expect(res.statusCode).toBe(400)
    const codes = res.json().error.details.map((d: { code: string }) => d.code)
    expect(codes).toEqual(expect.arrayContaining(['password.too_short', 'password.contains_username']))
  })

  it('refuses a duplicate username, whatever its case', async () => {
    const admin = await t.signIn('admin')
    const res = await admin.request('POST', '/api/users', newUser({ username: 'ADMIN' }))
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('username_taken')
  })

  it('returns the first result when a create is retried with the same idempotency key', async () => {
    const admin = await t.signIn('admin')
    const headers = { 'idempotency-key': 'retry-test-0001' }
    const body = newUser({ username: 'retry.user' })
    const first = await admin.request('POST', '/api/users', body, headers)
    const second = await admin.request('POST', '/api/users', body, headers)
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(200)
    expect(second.json().id).toBe(first.json().id)
    const list = await admin.request('GET', '/api/users?search=retry.user')
    expect(list.json().total).toBe(1)
    const reused = await admin.request('POST', '/api/users', { ...body, displayName: 'Other' }, headers)
    expect(reused.json().error.code).toBe('idempotency_key_reused')
  })

  it('disables a user and ends their sessions', async () => {
    const admin = await t.signIn('admin')
    const ngo = await t.signIn('ngo.worker')
    const id = (await ngo.request('GET', '/api/auth/session')).json().user.id
    expect((await admin.request('PATCH', `/api/users/${id}`, { disabled: true })).statusCode).toBe(200)
    expect((await ngo.request('GET', '/api/auth/session')).statusCode).toBe(401)
    const again = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'ngo.worker',
      password: 'test-password-for-demo-users',
    })
    expect(again.json().error.code).toBe('account_disabled')
  })

  it('resets a password, lifting a lock and forcing a change', async () => {
    const admin = await t.signIn('admin')
    const list = await admin.request('GET', '/api/users?search=investigator')
    const id = list.json().items[0].id
    const res = await admin.request('POST', `/api/users/${id}/password`, {
      password: 'fresh temporary words',
    })
    expect(res.json().mustChangePassword).toBe(true)
    expect((await t.signIn('investigator', 'fresh temporary words')).csrf).toBeTruthy()
  })

  it('shows a post chief only the users of their own post', async () => {
    const chief = await t.signIn('chief.poipet')
    const res = await chief.request('GET', '/api/users')
    expect(res.statusCode).toBe(200)
    const posts = new Set(res.json().items.map((u: { postCode: string }) => u.postCode))
    expect([...posts]).toEqual(['LAND-POIPET'])
  })

  it('forbids a frontline officer to list or create users, and writes nothing', async () => {
    const officer = await t.signIn('officer.poipet')
    expect((await officer.request('GET', '/api/users')).statusCode).toBe(403)
    const res = await officer.request('POST', '/api/users', newUser({ username: 'sneaky.user' }))
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
    const found = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'sneaky.user')
      .execute()
    expect(found).toEqual([])
  })
})
