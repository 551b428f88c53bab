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

  it('locks the account after repeated failures, even against the right password, answering as for an unknown user', async () => {
    const unknown = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'no.such.user',
      password: 'wrong-password-1',
    })
    for (let i = 0; i < 3; i++) {
      const r = await t.anonymous.request('POST', '/api/auth/sign-in', {
        username: 'iom.staff',
        password: 'wrong-password-1',
      })
      // The failure that trips the lock answers like any other: nothing tells a guesser the name exists.
      expect(r.statusCode).toBe(401)
      expect(r.json()).toEqual(unknown.json())
    }
    const locked = await t.store.db
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', 'iom.staff')
      .executeTakeFirstOrThrow()
    expect(locked.locked_until!.getTime()).toBeGreaterThan(Date.now())
    const right = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'iom.staff',
      password: 'test-password-for-demo-users',
    })
    expect(right.statusCode).toBe(401)
    expect(right.json()).toEqual(unknown.json())
    expect(right.cookies).toEqual([])
    // The audit log still tells the administrators what happened.
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('actor_username', '=', 'iom.staff')
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'sign_in_failed',
      'sign_in_failed',
      'account_locked',
      'sign_in_refused',
    ])
    // Once the lock has run out, the right password works again.
    await t.store.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('username', '=', 'iom.staff')
      .execute()
    expect((await t.signIn('iom.staff')).csrf).toBeTruthy()
  })

  it('counts wrong current passwords on a password change as failed sign-ins, and locks the account', async () => {
    // A stolen session must not be able to guess the password it does not know without limit.
    const stolen = await t.signIn('supervisor.poipet')
    const other = await t.signIn('supervisor.poipet')
    const guess = (currentPassword: string) =>
      stolen.request('POST', '/api/auth/password', { currentPassword, newPassword: 'attacker chosen words' })
    const failures = () =>
      t.store.db
        .selectFrom('users')
        .select(['failed_signins', 'locked_until'])
        .where('username', '=', 'supervisor.poipet')
        .executeTakeFirstOrThrow()

    const first = await guess('guess-number-one')
    expect(first.statusCode).toBe(401)
    expect(first.json().error.code).toBe('invalid_credentials')
    // Committed before the error was sent.
    expect((await failures()).failed_signins).toBe(1)
    expect((await guess('guess-number-two')).statusCode).toBe(401)
    expect((await failures()).failed_signins).toBe(2)

    const third = await guess('guess-number-three')
    expect(third.statusCode).toBe(423)
    expect(third.json().error.code).toBe('account_locked')
    expect((await failures()).locked_until!.getTime()).toBeGreaterThan(Date.now())
    // The account is locked like after failed sign-ins: every session ends, the right password is refused.
    expect((await stolen.request('GET', '/api/auth/session')).statusCode).toBe(401)
    expect((await other.request('GET', '/api/auth/session')).statusCode).toBe(401)
    const signIn = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'supervisor.poipet',
      password: 'test-password-for-demo-users',
    })
    expect(signIn.statusCode).toBe(401)
    const hash = await t.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'supervisor.poipet')
      .executeTakeFirstOrThrow()
    await t.store.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('username', '=', 'supervisor.poipet')
      .execute()
    // The password was never changed by the guesser.
    const again = await t.signIn('supervisor.poipet')
    expect((await again.request('GET', '/api/auth/session')).statusCode).toBe(200)
    const after = await t.store.db
      .selectFrom('users')
      .select(['password_hash', 'failed_signins'])
      .where('username', '=', 'supervisor.poipet')
      .executeTakeFirstOrThrow()
    expect(after).toEqual({ password_hash: hash.password_hash, failed_signins: 0 })
  })

  it('refuses a password change while the account is locked, even with the right password', async () => {
    const session = await t.signIn('chief.poipet')
    await t.store.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() + 10 * 60_000) })
      .where('username', '=', 'chief.poipet')
      .execute()
    const res = await session.request('POST', '/api/auth/password', {
      currentPassword: 'test-password-for-demo-users',
      newPassword: 'a brand new passphrase',
    })
    expect(res.statusCode).toBe(423)
    const row = await t.store.db
      .selectFrom('users')
      .select('must_change_password')
      .where('username', '=', 'chief.poipet')
      .executeTakeFirstOrThrow()
    expect(row.must_change_password).toBe(false)
    expect(
      (
        await t.anonymous.request('POST', '/api/auth/sign-in', {
          username: 'chief.poipet',
          password: 'a brand new passphrase',
        })
      ).statusCode,
    ).toBe(401)
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
