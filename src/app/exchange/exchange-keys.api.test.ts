import { randomUUID } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { type Envelope, type KeyLike, SIG_ALG, signEnvelope, verifyEnvelope } from './envelope.ts'
import { configureKeyStore, fileKeyStore, KeyStoreError, keyStore } from './key-store.ts'
import { ensureOwnKeys, knownKeys, ownSigningKey } from './keys.ts'
import { startExchangeKeys } from './start-keys.ts'

const DAY = 86_400_000

describe.each(engines())('exchange keys outside the database on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  }, 120_000)
  afterAll(() => t?.close())

  const ownKeys = () =>
    t.store.db
      .selectFrom('exchange_keys')
      .selectAll()
      .where('authority_code', '=', 'KH-NCCT')
      .orderBy('created_at')
      .execute()
  const envelope = (sentAt: Date): Envelope => ({
    v: 1,
    id: randomUUID(),
    type: 'repatriation.family_assessment',
    version: 1,
    agreement: 'KH-TH-MOU-2003',
    from: 'KH-NCCT',
    to: 'TH-MSDHS',
    sentAt: sentAt.toISOString(),
    prev: null,
    content: { xch_RepatriationRef: 'R-1', xch_FamilyAssessment: 'suitable' },
  })
  const signWith = async (kid: string, sentAt: Date) =>
    signEnvelope(envelope(sentAt), {
      kid,
      key: (await importJWK(keyStore().read(kid) as JWK, SIG_ALG)) as KeyLike,
    })
  const verify = async (jws: string) => {
    const v = await verifyEnvelope(jws, knownKeys(t.store.db))
    return v.ok ? 'ok' : v.refusal.reason
  }

  it('keeps own private keys in 0600 files and no private key material in any table', async () => {
    const published = await t.anonymous.request('GET', '/api/exchange/keys')
    expect(published.statusCode).toBe(200)
    const admin = await t.signIn('admin')
    expect((await admin.request('POST', '/api/exchange/keys/rotate')).statusCode).toBe(200)
    const own = await ownKeys()
    expect(own.length).toBeGreaterThanOrEqual(4)
    const secrets: string[] = []
    for (const k of own) {
      expect(k.private_jwk).toBeNull()
      const priv = keyStore().read(k.kid)
      expect(priv?.d).toMatch(/^[A-Za-z0-9_-]{40,}$/)
      secrets.push(priv?.d as string)
      expect(statSync(join(keyStore().dir, `${k.kid}.jwk`)).mode & 0o777).toBe(0o600)
    }
    expect(statSync(keyStore().dir).mode & 0o077).toBe(0)
    // A dump of every table, row by row as text: no private half, no "d" member of a JWK anywhere.
    const tables = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(t.store.db)
    expect(tables.rows.length).toBeGreaterThan(20)
    let dumped = 0
    for (const { name } of tables.rows) {
      const rows = await sql<{ r: string }>`SELECT t::text AS r FROM ${sql.table(name)} t`.execute(t.store.db)
      for (const { r } of rows.rows) {
        dumped++
        for (const d of secrets) expect(r.includes(d), `${name} holds a private key`).toBe(false)
        if (name === 'exchange_keys') expect(r).not.toMatch(/"d"\s*:/)
      }
    }
    expect(dumped).toBeGreaterThan(100)
  })

  it('rotates: the retired key verifies what it signed until its end date, the new one signs', async () => {
    const before = await ownSigningKey(t.store.db)
    const admin = await t.signIn('admin')
    expect((await admin.request('POST', '/api/exchange/keys/rotate')).statusCode).toBe(200)
    const after = await ownSigningKey(t.store.db)
    expect(after.kid).not.toBe(before.kid)
    const old = (await ownKeys()).find((k) => k.kid === before.kid)!
    expect(old.retired_at).not.toBeNull()
    const end = new Date(old.expires_at as Date).getTime()
    expect(end).toBeGreaterThan(Date.now() + 29 * DAY)
    expect(await verify(await signWith(before.kid, new Date()))).toBe('ok')
    expect(await verify(await signWith(before.kid, new Date(end - 1000)))).toBe('ok')
    expect(await verify(await signWith(before.kid, new Date(end + 1000)))).toBe('key_revoked')
    const set = (await t.anonymous.request('GET', '/api/exchange/keys')).json().keys
    const published = set.find((k: { kid: string }) => k.kid === before.kid)
    expect(published).toMatchObject({ retired: true, revoked: false })
    expect(Date.parse(published.expiresAt)).toBe(end)
    expect(JSON.stringify(set)).not.toMatch(/"d":/)
  })

  it('revokes as of yesterday: what was signed before still verifies, what was signed after does not', async () => {
    const key = await ownSigningKey(t.store.db)
    const yesterday = new Date(Date.now() - DAY)
    const analyst = await t.signIn('analyst')
    expect((await analyst.request('POST', `/api/exchange/keys/${key.kid}/revoke`, {})).statusCode).toBe(403)
    const admin = await t.signIn('admin')
    const future = await admin.request('POST', `/api/exchange/keys/${key.kid}/revoke`, {
      at: new Date(Date.now() + DAY).toISOString(),
    })
    expect(future.statusCode).toBe(400)
    expect(future.json().error.details[0].code).toBe('exchange.errors.revocation_in_future')
    expect((await admin.request('POST', '/api/exchange/keys/nosuchkid/revoke', {})).statusCode).toBe(404)
    const res = await admin.request('POST', `/api/exchange/keys/${key.kid}/revoke`, {
      at: yesterday.toISOString(),
    })
    expect(res.statusCode).toBe(200)
    expect(Date.parse(res.json().revokedAt)).toBe(yesterday.getTime())
    expect(await verify(await signWith(key.kid, new Date(yesterday.getTime() - DAY)))).toBe('ok')
    expect(await verify(await signWith(key.kid, new Date()))).toBe('key_revoked')
    expect(await verify(await signWith(key.kid, yesterday))).toBe('key_revoked')
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'revoke')
      .where('resource', '=', 'exchange_key')
      .where('record_id', '=', key.kid)
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0]?.details)).toContain(yesterday.toISOString())
    // The revoked key no longer signs: a new one is made for the next message.
    await t.store.db.transaction().execute((trx) => ensureOwnKeys(trx))
    expect((await ownSigningKey(t.store.db)).kid).not.toBe(key.kid)
  })

  it('moves private keys an older version kept in the database out to the key directory', async () => {
    const pair = await generateKeyPair(SIG_ALG, { extractable: true })
    const priv = await exportJWK(pair.privateKey)
    const { d: _, ...pub } = priv
    const kid = `legacy-${randomUUID()}`
    await sql`INSERT INTO exchange_keys (kid, authority_code, use, public_jwk, private_jwk, retired_at)
      VALUES (${kid}, 'KH-NCCT', 'sig', ${JSON.stringify(pub)}, ${JSON.stringify(priv)}, now())`.execute(
      t.store.db,
    )
    await startExchangeKeys({ db: t.store.db, config: t.config })
    const row = await t.store.db
      .selectFrom('exchange_keys')
      .select('private_jwk')
      .where('kid', '=', kid)
      .executeTakeFirstOrThrow()
    expect(row.private_jwk).toBeNull()
    expect(keyStore().read(kid)?.d).toBe(priv.d)
  })

  it('takes own keys from the environment and refuses a key file others can read or a key it does not hold', async () => {
    const pair = await generateKeyPair(SIG_ALG, { extractable: true })
    const priv = await exportJWK(pair.privateKey)
    const dir = mkdtempSync(join(tmpdir(), 'passage-envkeys-'))
    try {
      configureKeyStore({ exchangeKeyDir: dir, exchangePrivateKeys: JSON.stringify([priv]) })
      await t.store.db.transaction().execute((trx) => ensureOwnKeys(trx))
      const signing = await ownSigningKey(t.store.db)
      expect(keyStore().read(signing.kid)?.d).toBe(priv.d)
      // The signing key stays in the environment: no file is written for it.
      expect(() => statSync(join(dir, `${signing.kid}.jwk`))).toThrow()
      expect(() => fileKeyStore(dir, '{not json')).toThrow(KeyStoreError)
      expect(() => fileKeyStore(dir, JSON.stringify([{ kty: 'OKP' }]))).toThrow(KeyStoreError)
      const loose = 'loose-key-0000000000000001'
      keyStore().write(loose, priv)
      expect(keyStore().read(loose)?.d).toBe(priv.d)
      chmodSync(join(dir, `${loose}.jwk`), 0o644)
      expect(() => keyStore().read(loose)).toThrow(/chmod 600/)
      expect(keyStore().read('../../etc/passwd')).toBeNull()
    } finally {
      configureKeyStore(t.config)
      rmSync(dir, { recursive: true, force: true })
    }
    // The database names a signing key whose file is not in this directory (restored without its key directory).
    await expect(ownSigningKey(t.store.db)).rejects.toMatchObject({
      code: 'rule_violation',
      params: { reason: 'exchange_key_missing' },
    })
  })
})
