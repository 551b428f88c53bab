import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decisionFor, inspect, passportMrz } from '../../app/crossings/crossings.testing.ts'
import { TEST_PASSWORD } from '../../test/constants.ts'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { sessionPolicyFrom } from '../http/context.ts'
import { buildServer } from '../http/server.ts'

/** A client of `app` with a session cookie and CSRF token obtained through any instance. */
const clientOn = (app: FastifyInstance, c: { cookie: string; csrf: string }): Client => ({
  ...c,
  request: (method, url, body, headers = {}) =>
    app.inject({
      method: method as never,
      url,
      payload: body === undefined ? undefined : (body as never),
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...headers },
    }),
})

/**
 * Two API instances on one database, each with its own caches (`app.caches`): whatever is changed through A must
 * be seen by B on its next request, with only the database between them.
 */
describe.each(engines())('per-process caches invalidated through the database on %s', (engine) => {
  let t: TestApp
  let b: FastifyInstance
  beforeAll(async () => {
    t = await createTestApp(engine)
    b = await buildServer({
      ctx: { store: t.store, config: t.config, sessionPolicy: sessionPolicyFrom(t.config) },
    })
  })
  afterAll(async () => {
    await b.close()
    await t.close()
  })

  it('gives each instance caches of its own', () => {
    expect(b.caches).not.toBe(t.app.caches)
    expect(b.caches.sessions).not.toBe(t.app.caches.sessions)
  })

  it('a refusal reason deactivated through one instance is gone from the other on its next request', async () => {
    const admin = await t.signIn('admin')
    const officer = clientOn(b, await t.signIn('officer.poipet'))
    // B loads and caches the list.
    const first = await inspect(officer, passportMrz('CV1000001'))
    expect(first.refusalReasons.map((r: { code: string }) => r.code)).toContain('insufficient_means')
    const again = await inspect(officer, passportMrz('CV1000002'))
    expect(again.refusalReasons.map((r: { code: string }) => r.code)).toContain('insufficient_means')

    const off = await admin.request('PATCH', '/api/refusal-reasons/insufficient_means', { active: false })
    expect(off.statusCode).toBe(200)

    const after = await inspect(officer, passportMrz('CV1000003'))
    expect(after.refusalReasons.map((r: { code: string }) => r.code)).not.toContain('insufficient_means')
    // The write path judges with the same fresh list: a refusal for the retired reason is refused.
    const refused = await officer.request(
      'POST',
      '/api/crossings',
      decisionFor(after, { decision: 'refuse', refusalReason: 'insufficient_means' }),
    )
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.details[0].code).toBe('crossings.rules.unknown_reason')

    const on = await admin.request('PATCH', '/api/refusal-reasons/insufficient_means', { active: true })
    expect(on.statusCode).toBe(200)
    const back = await officer.request(
      'POST',
      '/api/crossings',
      decisionFor(after, { decision: 'refuse', refusalReason: 'insufficient_means' }),
    )
    expect(back.statusCode).toBe(201)
  })

  it('a session signed out through one instance is refused by the other, which had it cached', async () => {
    const a = await t.signIn('officer.poipet')
    const onB = clientOn(b, a)
    expect((await onB.request('GET', '/api/auth/session')).statusCode).toBe(200)
    expect((await onB.request('GET', '/api/auth/session')).statusCode).toBe(200)
    expect((await a.request('POST', '/api/auth/sign-out')).statusCode).toBe(204)
    const res = await onB.request('GET', '/api/auth/session')
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('not_authenticated')
  })

  it('a role taken away through one instance stops the cached session acting on the other at once', async () => {
    const admin = await t.signIn('admin')
    const officer = await t.signIn('customs.bavet')
    const onB = clientOn(b, officer)
    const me = (await onB.request('GET', '/api/auth/session')).json()
    expect(me.user.role).toBe('frontline_officer')
    await inspect(onB, passportMrz('CV2000001'))

    const demoted = await admin.request('PATCH', `/api/users/${me.user.id}`, { role: 'analyst' })
    expect(demoted.statusCode).toBe(200)
    const res = await onB.request('POST', '/api/crossings/inspect', { text: passportMrz('CV2000002') })
    expect(res.statusCode).toBe(403)
    expect((await onB.request('GET', '/api/auth/session')).json().user.role).toBe('analyst')

    const disabled = await admin.request('PATCH', `/api/users/${me.user.id}`, { disabled: true })
    expect(disabled.statusCode).toBe(200)
    const gone = await onB.request('GET', '/api/auth/session')
    expect(gone.statusCode).toBe(401)
  })

  it("a password change through one instance ends the user's other sessions cached on the other", async () => {
    const kept = await t.signIn('supervisor.poipet')
    const other = clientOn(b, await t.signIn('supervisor.poipet'))
    expect((await other.request('GET', '/api/auth/session')).statusCode).toBe(200)
    const changed = await kept.request('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-new-and-long-enough-password-42',
    })
    expect(changed.statusCode).toBeLessThan(300)
    expect((await other.request('GET', '/api/auth/session')).statusCode).toBe(401)
    expect((await clientOn(b, kept).request('GET', '/api/auth/session')).statusCode).toBe(200)
  })

  it('a forged or foreign cookie is not made valid by the cache', async () => {
    const real = await t.signIn('officer.poipet')
    const onB = clientOn(b, real)
    expect((await onB.request('GET', '/api/auth/session')).statusCode).toBe(200)
    const forged = clientOn(b, { cookie: `${real.cookie}x`, csrf: real.csrf })
    expect((await forged.request('GET', '/api/auth/session')).statusCode).toBe(401)
    const empty = clientOn(b, { cookie: 'passage_session=', csrf: '' })
    expect((await empty.request('GET', '/api/auth/session')).statusCode).toBe(401)
    // A cached session still needs its own CSRF token on a write.
    const noCsrf = clientOn(b, { cookie: real.cookie, csrf: 'not-the-token' })
    const res = await noCsrf.request('POST', '/api/crossings/inspect', { text: passportMrz('CV3000001') })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('csrf_failed')
  })

  it('an authenticated read answered from the session cache costs one statement', async () => {
    const officer = await t.signIn('officer.poipet')
    await officer.request('GET', '/api/auth/session')
    const before = t.store.statements.snapshot()
    const res = await officer.request('GET', '/api/auth/session')
    expect(res.statusCode).toBe(200)
    const after = t.store.statements.snapshot()
    // The version read, then the route's own read of the user: no session lookup.
    expect(after.statements - before.statements).toBe(2)
  })

  // Last: it replaces the active rule set of this file's database.
  it('a rule set activated by any writer of the database is used by the other instance on its next inspection', async () => {
    const officer = clientOn(b, await t.signIn('officer.poipet'))
    const ruleSetOf = async (evaluationId: string) =>
      (
        await t.store.db
          .selectFrom('risk_evaluations')
          .select('rule_set_id')
          .where('id', '=', evaluationId)
          .executeTakeFirstOrThrow()
      ).rule_set_id
    const old = await ruleSetOf((await inspect(officer, passportMrz('CV4000001'))).risk.id)
    expect(await ruleSetOf((await inspect(officer, passportMrz('CV4000002'))).risk.id)).toBe(old)
    const next = randomUUID()
    // Straight in the database, as another process or a restore would: only the trigger tells B.
    await t.store.db.transaction().execute(async (trx) => {
      await sql`UPDATE risk_rule_sets SET status = 'retired', retired_at = now() WHERE id = ${old}`.execute(
        trx,
      )
      await sql`INSERT INTO risk_rule_sets (id, version_id, name, status, rule_set, fingerprint, authors, based_on,
          history, created_by, created_at, updated_at)
        SELECT ${next}::uuid, version_id || '-next', name, 'active', rule_set, fingerprint, authors, id, history,
          created_by, now(), now()
        FROM risk_rule_sets WHERE id = ${old}`.execute(trx)
    })
    expect(await ruleSetOf((await inspect(officer, passportMrz('CV4000003'))).risk.id)).toBe(next)
  })
})
