import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

describe.each(engines())('bad input on %s', (engine) => {
  let t: TestApp
  let auditCount: () => Promise<number>
  beforeAll(async () => {
    t = await createTestApp(engine, { BODY_LIMIT_BYTES: '4096' })
    auditCount = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
  })
  afterAll(() => t.close())

  const agencyCount = async () => (await t.store.db.selectFrom('agencies').select('code').execute()).length

  it('answers malformed JSON with malformed_json and changes nothing', async () => {
    const admin = await t.signIn('admin')
    const before = await agencyCount()
    const res = await admin.request('POST', '/api/agencies', '{"code": "X', {
      'content-type': 'application/json',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('malformed_json')
    expect(await agencyCount()).toBe(before)
  })

  it('rejects wrong types and unknown fields, naming each field', async () => {
    const admin = await t.signIn('admin')
    const before = await auditCount()
    const res = await admin.request('POST', '/api/agencies', {
      code: 42,
      nameEn: 'X',
      nameKm: 'X',
      kind: 'ngo',
      extra: true,
    })
    expect(res.statusCode).toBe(400)
    const { error } = res.json()
    expect(error.code).toBe('validation_failed')
    const paths = error.details.map((d: { path: string }) => d.path)
    expect(paths).toContain('body.code')
    expect(
      error.details.find((d: { code: string }) => d.code === 'validation.unrecognized_keys').message,
    ).toMatch(/extra/)
    expect(await auditCount()).toBe(before)
  })

  it('rejects an oversized body with body_too_large', async () => {
    const admin = await t.signIn('admin')
    const res = await admin.request('POST', '/api/agencies', {
      code: 'BIG',
      nameEn: 'x'.repeat(10_000),
      nameKm: 'x',
      kind: 'ngo',
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('body_too_large')
  })

  it('rejects a body that is not JSON', async () => {
    const admin = await t.signIn('admin')
    const res = await admin.request('POST', '/api/agencies', 'code=X', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().error.code).toBe('unsupported_media_type')
  })

  it('refuses a missing or forged session before looking at the body', async () => {
    const none = await t.anonymous.request('POST', '/api/agencies', { nonsense: true })
    expect(none.statusCode).toBe(401)
    expect(none.json().error.code).toBe('not_authenticated')
    const forged = await t.anonymous.request('GET', '/api/users', undefined, {
      cookie: 'passage_session=forged',
    })
    expect(forged.statusCode).toBe(401)
  })

  it('translates errors into Khmer for a Khmer browser before sign-in', async () => {
    const res = await t.anonymous.request('GET', '/api/users', undefined, {
      'accept-language': 'km-KH,km;q=0.9',
    })
    expect(res.json().error.code).toBe('not_authenticated')
    expect(res.json().error.message).toMatch(/[\u1780-\u17FF]/)
  })

  it('answers an unknown API path with route_not_found', async () => {
    const res = await t.anonymous.request('GET', '/api/nothing-here')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('route_not_found')
  })
})

describe('a server error', () => {
  it('never leaks a stack trace or the error text to the client', async () => {
    const t = await createTestApp('pglite')
    try {
      t.app.get('/api/test-crash', { config: { public: true } }, async () => {
        throw new Error('secret internal detail')
      })
      const res = await t.anonymous.request('GET', '/api/test-crash')
      expect(res.statusCode).toBe(500)
      expect(res.body).not.toMatch(/secret internal detail|at .*\.ts/)
      expect(res.json().error.code).toBe('internal_error')
    } finally {
      await t.close()
    }
  })
})
