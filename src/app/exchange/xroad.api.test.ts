import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sealPending } from '../../platform/audit/audit-sealer.ts'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { AGREEMENT, referralContent } from './exchange.testing.ts'

const PROVIDER = 'CAMDX/GOV/NCCT/PASSAGE'
const BORDER_APP = 'CAMDX/GOV/MOI/BORDER-APP'
const MOSVY_APP = 'CAMDX/GOV/MOSVY/CASES'
const STATS_APP = 'CAMDX/GOV/NIS/STATS'

describe.each(engines())('the exchange services through X-Road on %s', (engine) => {
  let t: TestApp
  let admin: Client
  const call = (
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: unknown,
    remoteAddress = '127.0.0.1',
  ) =>
    t.app.inject({
      method: method as never,
      url: `/r1/${PROVIDER}/${path}`,
      headers: { 'x-road-client': MOSVY_APP, ...headers },
      payload: body as never,
      remoteAddress,
    })
  const allow = (clientId: string, grant: Record<string, unknown>) =>
    admin.request('PUT', '/api/exchange/xroad/clients', {
      clientId,
      active: true,
      note: '',
      postCode: null,
      scope: 'agency',
      ...grant,
    })

  beforeAll(async () => {
    t = await createTestApp(engine, { XROAD_PROVIDER: PROVIDER, XROAD_SECURITY_SERVERS: '127.0.0.1' })
    admin = await t.signIn('admin')
    // Grants of one step each: MoSVY's case system writes messages, NIS's statistics system only reads.
    expect((await allow(MOSVY_APP, { agencyCode: 'MOSVY', role: 'case_manager' })).statusCode).toBe(200)
    expect(
      (await allow(STATS_APP, { agencyCode: 'NCCT', role: 'analyst', scope: 'national' })).statusCode,
    ).toBe(200)
    const border = { agencyCode: 'GDI', role: 'frontline_officer', scope: 'post', postCode: 'LAND-POIPET' }
    expect((await allow(BORDER_APP, border)).statusCode).toBe(200)
  })
  afterAll(() => t.close())

  it('lets an allowed client reach a published service, echoing X-Road-Id and X-Road-Request-Id', async () => {
    const res = await call('GET', 'arrivals', {
      'x-road-client': BORDER_APP,
      'x-road-id': 'b7f4c0e2-1d52-4c1e-9d8b-0f4d7b9e2a11',
      'x-road-request-id': 'f92591a3-6bf0-49b1-987b-0dd78c034cc3',
      'x-road-service': `${PROVIDER}/arrivals`,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toHaveProperty('items')
    expect(res.headers['x-road-id']).toBe('b7f4c0e2-1d52-4c1e-9d8b-0f4d7b9e2a11')
    expect(res.headers['x-road-request-id']).toBe('f92591a3-6bf0-49b1-987b-0dd78c034cc3')
    expect(res.headers['x-road-service']).toBe(`${PROVIDER}/arrivals`)
    // Without an X-Road-Id (the consumer's security server normally sets one), the answer still carries one.
    const plain = await call('GET', 'keys')
    expect(plain.statusCode).toBe(200)
    expect(plain.headers['x-road-id']).toMatch(/^[0-9a-f-]{36}$/)
    // Percent-encoded parts are read part by part, as PR-REST §4.2 asks.
    const encoded = await call('GET', 'arrivals', { 'x-road-client': 'CAMDX/GOV/MOI/BORDER%2DAPP' })
    expect(encoded.statusCode).toBe(200)
  })

  it('runs the same use case, policy and audit as the web, the audit naming the X-Road client', async () => {
    const key = randomUUID()
    const send = () =>
      call(
        'POST',
        'messages',
        { 'idempotency-key': key, 'x-road-userid': 'KH010203040', 'content-type': 'application/json' },
        { agreement: AGREEMENT, type: 'repatriation.referral', content: referralContent(), threadRef: null },
      )
    const res = await send()
    expect(res.statusCode).toBe(201)
    const id = res.json().id as string
    // The same request again (a retry through the security servers) is the same message, not a second one.
    const again = await send()
    expect(again.json().id).toBe(id)
    await sealPending(t.store.db)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['actor_username', 'action'])
      .where('resource', '=', 'exchange_message')
      .where('record_id', '=', id)
      .execute()
    expect(audit).toEqual([{ actor_username: `xroad:${MOSVY_APP} user:KH010203040`, action: 'send' }])
    // The same schema: a field outside the message body's shape is refused as from the web.
    const bad = await call(
      'POST',
      'messages',
      { 'content-type': 'application/json' },
      { agreement: AGREEMENT },
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('validation_failed')
    expect(bad.json().type).toBe('Passage.validation_failed')
    expect(bad.json().detail).toBe(bad.headers['x-road-id'])
  })

  it('refuses a client mapped to a role one step too low, with the policy’s code', async () => {
    const res = await call(
      'POST',
      'messages',
      { 'x-road-client': STATS_APP, 'content-type': 'application/json' },
      { agreement: AGREEMENT, type: 'repatriation.referral', content: referralContent(), threadRef: null },
    )
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
    // What the role may do, it does: the analyst reads the counts.
    expect((await call('GET', 'counts', { 'x-road-client': STATS_APP })).statusCode).toBe(200)
    // A post-scoped border client reads its own post's arrivals only.
    const other = await call('GET', 'arrivals?post=LAND-BAVET', { 'x-road-client': BORDER_APP })
    expect(other.statusCode).toBe(403)
  })

  it('refuses unknown, malformed or switched-off clients and unknown services with stable codes', async () => {
    const refused = async (
      res: Awaited<ReturnType<typeof call>>,
      status: number,
      code: string,
      why: string,
    ) => {
      expect(res.statusCode).toBe(status)
      const body = res.json()
      expect(body.error.code).toBe(code)
      expect(body.error.details[0].code).toBe(`exchange-admin.errors.${why}`)
      expect(body.type).toBe(`Passage.${code}`)
      expect(body.message).toBe(body.error.message)
    }
    await refused(
      await call('GET', 'arrivals', { 'x-road-client': 'CAMDX/GOV/X/Y' }),
      403,
      'xroad_access_denied',
      'client_not_allowed',
    )
    for (const client of [
      '',
      'CAMDX',
      'CAMDX/GOV',
      'A/B/C/D/E',
      'CAMDX/GOV/MOI/BORDER APP',
      'CAMDX/GOV/%ZZ/X',
      'CAMDX/GOV/MOI/BORDER%0AAPP',
      `CAMDX/GOV/${'M'.repeat(65)}/X`,
    ])
      await refused(
        await call('GET', 'arrivals', { 'x-road-client': client }),
        400,
        'xroad_bad_request',
        'client_malformed',
      )
    await refused(await call('GET', 'nosuch'), 404, 'xroad_unknown_service', 'unknown_service')
    await refused(await call('DELETE', 'arrivals'), 404, 'xroad_unknown_service', 'method_not_published')
    // Another provider's subsystem is not ours to serve.
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: '/r1/CAMDX/GOV/NCCT/OTHER/arrivals',
      headers: { 'x-road-client': MOSVY_APP },
    })
    await refused(elsewhere, 404, 'xroad_unknown_service', 'unknown_service')
    // Administration is not published, whatever the path after a published service tries.
    // A literal `..` is resolved by the HTTP client before it is sent: what arrives names no published service.
    await refused(
      await call('GET', 'agreements/../xroad/clients'),
      404,
      'xroad_unknown_service',
      'unknown_service',
    )
    // An HTTP client resolves `%2e%2e` and `//` itself (WHATWG URL); the unit test covers them arriving raw.
    for (const path of ['arrivals/%00', 'arrivals/%2F..%2Fxroad', 'arrivals/a%5Cb'])
      await refused(await call('GET', path), 400, 'xroad_bad_request', 'path_malformed')
    await refused(
      await call('GET', 'arrivals', { 'x-road-service': `${PROVIDER}/counts` }),
      400,
      'xroad_bad_request',
      'service_malformed',
    )
    // A switched-off client is refused at once; the change is audited with the grant before and after.
    expect(
      (await allow(STATS_APP, { agencyCode: 'NCCT', role: 'analyst', scope: 'national', active: false }))
        .statusCode,
    ).toBe(200)
    await refused(
      await call('GET', 'counts', { 'x-road-client': STATS_APP }),
      403,
      'xroad_access_denied',
      'client_not_allowed',
    )
    await sealPending(t.store.db)
    const change = await t.store.db
      .selectFrom('audit_log')
      .select(['actor_username', 'action', 'details'])
      .where('resource', '=', 'exchange_xroad_client')
      .where('record_id', '=', STATS_APP)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(change.actor_username).toBe('admin')
    expect(change.action).toBe('update')
    expect(JSON.stringify(change.details)).toContain('"active":false')
  })

  it('refuses control characters in X-Road headers and calls from anywhere but the security server', async () => {
    for (const header of ['x-road-id', 'x-road-request-id', 'x-road-userid']) {
      const res = await call('GET', 'keys', { [header]: 'abc\u0001def' })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details[0].code).toBe('exchange-admin.errors.header_malformed')
      // The forged value is never echoed.
      expect(JSON.stringify(res.headers)).not.toContain('\u0001')
    }
    const direct = await call('GET', 'keys', {}, undefined, '10.20.30.40')
    expect(direct.statusCode).toBe(403)
    expect(direct.json().error.details[0].code).toBe('exchange-admin.errors.security_server')
    // A cookie does not stand in for the allow-list: the X-Road caller is who the header and the list say.
    const withCookie = await t.app.inject({
      method: 'GET',
      url: `/r1/${PROVIDER}/agreements`,
      headers: { cookie: admin.cookie, 'x-road-client': 'CAMDX/GOV/X/Y' },
    })
    expect(withCookie.statusCode).toBe(403)
  })

  it('keeps the allow-list to administrators, and refuses bad grants', async () => {
    const cm = await t.signIn('casemanager')
    expect((await cm.request('GET', '/api/exchange/xroad')).statusCode).toBe(403)
    expect(
      (
        await cm.request('PUT', '/api/exchange/xroad/clients', {
          clientId: BORDER_APP,
          agencyCode: 'GDI',
          role: 'analyst',
          scope: 'agency',
          postCode: null,
          active: true,
          note: '',
        })
      ).statusCode,
    ).toBe(403)
    const detail = async (grant: Record<string, unknown>) =>
      (
        await allow((grant.clientId as string) ?? 'CAMDX/GOV/NEW/APP', {
          agencyCode: 'NCCT',
          role: 'analyst',
          ...grant,
        })
      ).json().error.details[0].code
    expect(await detail({ role: 'administrator' })).toBe('exchange-admin.errors.role_not_for_xroad')
    expect(await detail({ clientId: 'CAMDX/GOV' })).toBe('exchange-admin.errors.client_malformed')
    expect(await detail({ agencyCode: 'NOPE' })).toBe('exchange-admin.errors.unknown_agency')
    expect(await detail({ scope: 'post' })).toBe('exchange-admin.errors.post_required')
    expect(await detail({ postCode: 'LAND-POIPET' })).toBe('exchange-admin.errors.post_only_for_post_scope')
    expect(await detail({ scope: 'post', postCode: 'NOPE' })).toBe('exchange-admin.errors.unknown_post')
    expect(
      (await allow('CAMDX/GOV/NEW/APP', { agencyCode: 'NCCT', role: 'analyst', note: 'x\u0000' })).statusCode,
    ).toBe(400)
    const setup = (await admin.request('GET', '/api/exchange/xroad')).json()
    expect(setup.provider).toBe(PROVIDER)
    expect(setup.clients.map((c: { clientId: string }) => c.clientId)).toEqual([
      BORDER_APP,
      MOSVY_APP,
      STATS_APP,
    ])
  })

  it('describes the published services in OpenAPI at the paths X-Road clients call, nothing else', async () => {
    const doc = (await t.anonymous.request('GET', '/api/exchange/xroad/openapi.json')).json()
    const paths = Object.keys(doc.paths)
    expect(paths).toContain(`/r1/${PROVIDER}/arrivals`)
    expect(paths).toContain(`/r1/${PROVIDER}/messages/{direction}/{id}`)
    expect(paths.every((p) => p.startsWith(`/r1/${PROVIDER}/`))).toBe(true)
    expect(paths.some((p) => /xroad|authorit|keys\/rotate/.test(p))).toBe(false)
    expect(Object.keys(doc.paths[`/r1/${PROVIDER}/agreements`])).toEqual(['get'])
  })
})

// Redocly's own entry point, as openapi.lint.test.ts runs it.
const require = createRequire(import.meta.url)
const redoclyPackage = require.resolve('@redocly/cli/package.json')
const REDOCLY = join(
  dirname(redoclyPackage),
  (require(redoclyPackage) as { bin: Record<string, string> }).bin.redocly!,
)

describe('X-Road publication switched off', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('pglite')
  })
  afterAll(() => t.close())

  it('answers every /r1 call as not published when XROAD_PROVIDER is unset', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/r1/${PROVIDER}/arrivals`,
      headers: { 'x-road-client': BORDER_APP },
    })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.details[0].code).toBe('exchange-admin.errors.not_published')
  })

  it('gives a service description that passes `redocly lint` with no errors', async () => {
    const res = await t.anonymous.request('GET', '/api/exchange/xroad/openapi.json')
    const dir = mkdtempSync(join(tmpdir(), 'passage-xroad-openapi-'))
    try {
      const file = join(dir, 'xroad.json')
      writeFileSync(file, res.body)
      const run = spawnSync(process.execPath, [REDOCLY, 'lint', file, '--format=json'], { encoding: 'utf8' })
      type Problem = { severity: string; ruleId: string; message: string }
      const problems = run.status ? (JSON.parse(run.stdout) as { problems: Problem[] }).problems : []
      expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual(
        [],
      )
      expect(Object.keys(JSON.parse(res.body).paths).length).toBeGreaterThan(5)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
