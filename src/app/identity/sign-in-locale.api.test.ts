import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../../test/constants.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

describe.each(engines())('the language chosen on the sign-in page, on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const signIn = (body: Record<string, unknown>) =>
    t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'customs.bavet',
      password: TEST_PASSWORD,
      ...body,
    })
  const localeChanges = async () =>
    (
      await t.store.db
        .selectFrom('audit_log')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('action', '=', 'set_locale')
        .executeTakeFirstOrThrow()
    ).n

  it('becomes the profile’s language, in both directions, and is kept by the next sign-in', async () => {
    const before = await localeChanges()
    const km = await signIn({ locale: 'km' })
    expect(km.statusCode).toBe(200)
    expect(km.json().user.locale).toBe('km')
    expect((await signIn({})).json().user.locale).toBe('km')
    expect((await signIn({ locale: 'en' })).json().user.locale).toBe('en')
    expect((await signIn({})).json().user.locale).toBe('en')
    // The same language again is no change, and not audited as one.
    await signIn({ locale: 'en' })
    expect(Number(await localeChanges())).toBe(Number(before) + 2)
  })

  it('changes nothing for a wrong password, and refuses a language it does not have', async () => {
    await signIn({ locale: 'en' })
    const wrong = await signIn({ password: 'not-the-password', locale: 'km' })
    expect(wrong.statusCode).toBe(401)
    expect((await signIn({})).json().user.locale).toBe('en')
    const fr = await signIn({ locale: 'fr' })
    expect(fr.statusCode).toBe(400)
    expect(fr.json().error.code).toBe('validation_failed')
  })
})
