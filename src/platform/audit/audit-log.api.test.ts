import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { sealPending } from './audit-sealer.ts'
import { verifyAuditChain } from './audit-verify.ts'

describe.each(engines())('the audit log on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('records a write in the same transaction, with who, what and from where', async () => {
    const admin = await t.signIn('admin')
    const res = await admin.request('POST', '/api/agencies', {
      code: 'LICADHO',
      nameEn: 'LICADHO',
      nameKm: 'លីកាដូ',
      kind: 'ngo',
    })
    expect(res.statusCode).toBe(201)
    const entry = await t.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('resource', '=', 'agency')
      .where('record_id', '=', 'LICADHO')
      .executeTakeFirstOrThrow()
    expect(entry.actor_username).toBe('admin')
    expect(entry.action).toBe('create')
    expect(entry.ip).toBeTruthy()
  })

  it('does not record a write that was refused', async () => {
    const officer = await t.signIn('officer.poipet')
    await officer.request('POST', '/api/agencies', { code: 'NOPE', nameEn: 'N', nameKm: 'ន', kind: 'ngo' })
    const entries = await t.store.db
      .selectFrom('audit_log')
      .select('seq')
      .where('record_id', '=', 'NOPE')
      .execute()
    expect(entries).toEqual([])
  })

  it('shows an entry unsealed until the sealer chains it, and says so when verifying', async () => {
    const admin = await t.signIn('admin')
    const listed = await admin.request('GET', '/api/audit?action=sign_in&actor=admin&limit=1')
    expect(listed.json().items[0]).toMatchObject({ pos: null, hash: null })
    // The server's verification seals first, then counts what is still unsealed.
    const res = await admin.request('GET', '/api/audit/verify')
    expect(res.json()).toMatchObject({ ok: true, unsealed: 0, oldestUnsealedAt: null })
    const after = await admin.request('GET', '/api/audit?action=sign_in&actor=admin&limit=1')
    expect(after.json().items[0]).toMatchObject({
      pos: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
  })

  it('lets administrators filter the log, and no one else', async () => {
    const admin = await t.signIn('admin')
    const res = await admin.request('GET', '/api/audit?action=sign_in&actor=admin')
    expect(res.statusCode).toBe(200)
    expect(res.json().items.every((e: { action: string }) => e.action === 'sign_in')).toBe(true)
    expect(res.json().total).toBeGreaterThan(0)
    const analyst = await t.signIn('analyst')
    expect((await analyst.request('GET', '/api/audit')).statusCode).toBe(403)
  })

  it('refuses updates and deletes at the database level', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.store.db)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit_log`.execute(t.store.db)).rejects.toThrow(/append-only/)
  })

  it('verifies an intact chain and names the first entry edited behind its back', async () => {
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true })
    await sealPending(t.store.db)
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true, unsealed: 0 })
    const victim = await t.store.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'sign_in')
      .orderBy('seq')
      .executeTakeFirstOrThrow()
    // A tamperer with database rights can switch the trigger off; the hash chain still gives them away.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(t.store.db)
    await sql`UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = ${victim.seq}`.execute(
      t.store.db,
    )
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(t.store.db)
    expect(await verifyAuditChain(t.store.db)).toEqual(
      expect.objectContaining({ ok: false, brokenAt: victim.seq, reason: 'hash_mismatch' }),
    )
    const admin = await t.signIn('admin')
    const res = await admin.request('GET', '/api/audit/verify')
    expect(res.json()).toMatchObject({ ok: false, brokenAt: victim.seq })
  })

  it('detects a deleted entry by the broken link of the next one', async () => {
    const t2 = await createTestApp(engine)
    try {
      await sealPending(t2.store.db)
      const rows = await t2.store.db.selectFrom('audit_log').select('seq').orderBy('pos').execute()
      expect(rows.length).toBeGreaterThan(1)
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(t2.store.db)
      await sql`DELETE FROM audit_log WHERE seq = ${rows[0]!.seq}`.execute(t2.store.db)
      expect(await verifyAuditChain(t2.store.db)).toMatchObject({
        ok: false,
        brokenAt: rows[1]!.seq,
        reason: 'link_mismatch',
      })
    } finally {
      await t2.close()
    }
  })
})
