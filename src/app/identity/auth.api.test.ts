import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

describe.each(engines())('sign-in and sessions on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine, { SIGNIN_MAX_FAILURES: '3' })
  })
  afterAll(() => t.close())

  it('signs in, returns the session with capabilities and an HttpOnly SameSite cookie', async () => {
    const res = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'officer.poipet',
      password: 'test-password-for-demo-users',
    })
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'passage_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Strict')
    const body = res.json()
    expect(body.user.username).toBe('officer.poipet')
    expect(body.user).not.toHaveProperty('passwordHash')
    expect(body.capabilities).toContain('post:read')
    expect(body.capabilities).not.toContain('user:create')
  })

  it('accepts the username in any case', async () => {
    const res = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'Officer.Poipet',
      password: 'test-password-for-demo-users',
    })
    expect(res.statusCode).toBe(200)
  })

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'analyst',
      password: 'nope-nope-nope',
    })
    const unknown = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'nobody',
      password: 'nope-nope-nope',
    })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().error.code).toBe('invalid_credentials')
    expect(unknown.json().error).toEqual(wrong.json().error)
  })

  it('locks the account after repeated failures, even against the right password', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await t.anonymous.request('POST', '/api/auth/sign-in', {
        username: 'iom.staff',
        password: 'wrong-password-1',
      })
      expect(r.json().error.code).toBe('invalid_credentials')
    }
    const third = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'iom.staff',
      password: 'wrong-password-1',
    })
    expect(third.statusCode).toBe(423)
    expect(third.json().error.code).toBe('account_locked')
    const right = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'iom.staff',
      password: 'test-password-for-demo-users',
    })
    expect(right.json().error.code).toBe('account_locked')
  })

  it('signs out and the cookie no longer works', async () => {
    const c = await t.signIn('analyst')
    expect((await c.request('GET', '/api/auth/session')).statusCode).toBe(200)
    expect((await c.request('POST', '/api/auth/sign-out')).statusCode).toBe(204)
    const after = await c.request('GET', '/api/auth/session')
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('not_authenticated')
  })

  it('refuses a write without the CSRF token', async () => {
    const c = await t.signIn('admin')
    const res = await c.request('PUT', '/api/auth/locale', { locale: 'km' }, { 'x-csrf-token': 'forged' })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('csrf_failed')
    const session = await c.request('GET', '/api/auth/session')
    expect(session.json().user.locale).toBe('en')
  })

  it('remembers the language per user and answers errors in it', async () => {
    const c = await t.signIn('socialworker')
    const set = await c.request('PUT', '/api/auth/locale', { locale: 'km' })
    expect(set.json().user.locale).toBe('km')
    const forbidden = await c.request('GET', '/api/audit')
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json().error.message).toMatch(/[\u1780-\u17FF]/)
  })

  it('expires a session after the idle time', async () => {
    const c = await t.signIn('casemanager')
    await t.store.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('user_id', '=', (await c.request('GET', '/api/auth/session')).json().user.id)
      .execute()
    const res = await c.request('GET', '/api/auth/session')
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('session_expired')
  })
})
