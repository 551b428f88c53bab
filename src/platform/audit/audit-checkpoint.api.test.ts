import { generateKeyPairSync } from 'node:crypto'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkpointSettingsOf } from '../../app/audit/checkpoint-settings.ts'
import { operatorToken } from '../../app/audit/operator-token.ts'
import { verifyAuditLog } from '../../app/audit/verify-audit-log.ts'
import { writeCheckpoint } from '../../app/audit/write-checkpoint.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { appendAudit } from './audit-log.ts'
import { verifyAuditChain } from './audit-verify.ts'
import { openCheckpoint, signCheckpoint } from './checkpoint.ts'
import { checkpointFileIn, readNotes } from './checkpoint-file.ts'
import { verifierOf } from './signed-note.ts'
import { loadOrCreateSigningKey } from './signing-key.ts'

const fake = { id: null, username: 'admin', ip: '10.0.0.1' }

async function checkpoint(t: TestApp) {
  const settings = checkpointSettingsOf(t.config)
  const key = loadOrCreateSigningKey(settings.keyFile)
  return writeCheckpoint({ db: t.store.db, settings, key })
}

async function verify(t: TestApp) {
  const admin = await t.signIn('admin')
  const res = await admin.request('GET', '/api/audit/verify')
  expect(res.statusCode).toBe(200)
  return res.json()
}

const withTriggersOff = async (t: TestApp, work: () => Promise<unknown>) => {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.store.db)
  await work()
  await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(t.store.db)
}

const count = async (t: TestApp) =>
  Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(t.store.db)).rows[0]!.n)

describe.each(engines())('signed checkpoints of the audit log on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('refuses TRUNCATE at the database level and keeps every entry', async () => {
    const before = await count(t)
    expect(before).toBeGreaterThan(0)
    await expect(sql`TRUNCATE audit_log`.execute(t.store.db)).rejects.toThrow(/append-only/)
    expect(await count(t)).toBe(before)
  })

  it('verifies a clean log against every checkpoint, and signs nothing new while the log is unchanged', async () => {
    expect(await checkpoint(t)).toMatchObject({ written: true })
    const admin = await t.signIn('admin')
    await admin.request('POST', '/api/agencies', { code: 'CHKPT', nameEn: 'C', nameKm: 'គ', kind: 'ngo' })
    const size = await count(t)
    expect(await checkpoint(t)).toMatchObject({ written: true, checkpoint: { size } })
    expect(await verify(t)).toMatchObject({ ok: true, entries: size + 1, checkpoints: 2, latest: { size } })
    // Verifying signs in, which is audited: the log grew, so the next round signs again; without writes it does not.
    expect(await checkpoint(t)).toMatchObject({ written: true })
    expect(await checkpoint(t)).toMatchObject({ written: false, reason: 'unchanged' })
  })

  it('lets the running server verify for an operator holding the signing key, and no one else', async () => {
    const settings = checkpointSettingsOf(t.config)
    const key = loadOrCreateSigningKey(settings.keyFile)
    const ask = (token?: string) =>
      t.anonymous.request(
        'GET',
        '/api/audit/verify/operator',
        undefined,
        token ? { 'x-passage-audit-token': token } : {},
      )
    const token = operatorToken(settings.origin, key)
    const ok = await ask(token)
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ ok: true, checkpoints: 3 })
    // The same token again, none, one signed by another key, one for another log, one from an hour ago.
    const other = generateKeyPairSync('ed25519').privateKey
    for (const bad of [
      token,
      undefined,
      'garbage',
      operatorToken(settings.origin, other),
      operatorToken('elsewhere/audit', key),
      operatorToken(settings.origin, key, new Date(Date.now() - 3_600_000)),
    ]) {
      const res = await ask(bad)
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('not_authenticated')
    }
    // A signed-in user who is not an administrator cannot verify through either door.
    const analyst = await t.signIn('analyst')
    expect((await analyst.request('GET', '/api/audit/verify')).statusCode).toBe(403)
    expect((await analyst.request('GET', '/api/audit/verify/operator')).statusCode).toBe(401)
  })
  it('lets concurrent writers (connections standing in for processes) append whole notes, in order', async () => {
    const settings = checkpointSettingsOf(t.config)
    const key = loadOrCreateSigningKey(settings.keyFile)
    const before = readNotes(settings.dir).length
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        await t.store.db.transaction().execute((trx) =>
          appendAudit(trx, fake, {
            action: 'concurrent',
            resource: 'checkpoint_test',
            recordId: String(i),
          }),
        )
        return writeCheckpoint({ db: t.store.db, settings, key, always: true })
      }),
    )
    const opened = readNotes(settings.dir).map((n) =>
      openCheckpoint(n.note, verifierOf(settings.origin, key)),
    )
    expect(opened).toHaveLength(before + 8)
    const written = opened.map((o) => (o.ok ? o.checkpoint : undefined))
    expect(written.every(Boolean)).toBe(true)
    for (let i = 1; i < written.length; i++) {
      expect(written[i]!.size).toBeGreaterThanOrEqual(written[i - 1]!.size)
      expect(written[i]!.time.getTime()).toBeGreaterThan(written[i - 1]!.time.getTime())
    }
    expect(await verify(t)).toMatchObject({ ok: true, checkpoints: before + 8 })
  })
})

describe.each(engines())('tampering the checkpoints catch on %s', (engine) => {
  it('fails when the newest entries were removed behind its back, and signs nothing over the cut log', async () => {
    const t = await createTestApp(engine)
    try {
      await checkpoint(t)
      const newest = await t.store.db
        .selectFrom('audit_log')
        .select('seq')
        .orderBy('seq', 'desc')
        .limit(3)
        .execute()
      await withTriggersOff(t, () =>
        sql`DELETE FROM audit_log WHERE seq >= ${newest.at(-1)!.seq}`.execute(t.store.db),
      )
      // The chain alone cannot tell: what is left is a perfect chain.
      expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true })
      const before = readFileSync(checkpointFileIn(t.config.auditCheckpointDir), 'utf8')
      expect(await checkpoint(t)).toMatchObject({ written: false, reason: 'log_behind_checkpoint' })
      expect(readFileSync(checkpointFileIn(t.config.auditCheckpointDir), 'utf8')).toBe(before)
      // Verifying signs the admin in, which appends one entry: still 2 short of the checkpoint.
      expect(await verify(t)).toMatchObject({
        ok: false,
        reason: 'entries_missing',
        checkpoint: { lastSeq: newest[0]!.seq },
      })
    } finally {
      await t.close()
    }
  })

  it('fails on an emptied log (triggers disabled, then TRUNCATE)', async () => {
    const t = await createTestApp(engine)
    try {
      const written = await checkpoint(t)
      await withTriggersOff(t, () => sql`TRUNCATE audit_log`.execute(t.store.db))
      const settings = checkpointSettingsOf(t.config)
      expect(await verifyAuditLog({ db: t.store.db, settings })).toMatchObject({
        ok: false,
        entries: 0,
        reason: 'entries_missing',
        missing: written.written ? written.checkpoint.size : -1,
      })
    } finally {
      await t.close()
    }
  })

  it('fails when the whole log was replaced by a freshly chained fake, naming where it departs', async () => {
    const t = await createTestApp(engine)
    try {
      const written = await checkpoint(t)
      if (!written.written) throw new Error('no checkpoint')
      const size = written.checkpoint.size
      await withTriggersOff(t, () => sql`DELETE FROM audit_log`.execute(t.store.db))
      // A tamperer rebuilds a longer, internally perfect chain from the genesis hash.
      for (let i = 0; i < size + 5; i++)
        await t.store.db
          .transaction()
          .execute((trx) =>
            appendAudit(trx, fake, { action: 'sign_in', resource: 'session', recordId: String(i) }),
          )
      expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true })
      const fakeAtSize = await t.store.db
        .selectFrom('audit_log')
        .select('seq')
        .orderBy('seq')
        .offset(size - 1)
        .limit(1)
        .executeTakeFirstOrThrow()
      expect(await verify(t)).toMatchObject({
        ok: false,
        reason: 'checkpoint_mismatch',
        brokenAt: fakeAtSize.seq,
        checkpoint: { size },
      })
    } finally {
      await t.close()
    }
  })

  it('fails on a forged checkpoint: another key, or an honest one edited', async () => {
    const t = await createTestApp(engine)
    try {
      await checkpoint(t)
      const file = checkpointFileIn(t.config.auditCheckpointDir)
      const honest = readFileSync(file, 'utf8')
      expect(await verify(t)).toMatchObject({ ok: true })
      // Signed by a key of the tamperer's own, under the log's name: claims a longer log that never was.
      const forger = generateKeyPairSync('ed25519').privateKey
      const forged = signCheckpoint(
        { origin: t.config.auditOrigin, size: 1, head: 'a'.repeat(64), lastSeq: 1, time: new Date() },
        forger,
      )
      appendFileSync(file, `${forged}\n`)
      expect(await verify(t)).toMatchObject({
        ok: false,
        reason: 'checkpoint_invalid',
        problem: 'signature',
        checkpoint: { source: expect.stringContaining(file) },
      })
      // The honest note with its size lowered (to hide a cut tail): the signature no longer holds.
      const lines = honest.split('\n')
      lines[1] = String(Number(lines[1]) - 2)
      writeFileSync(file, lines.join('\n'))
      expect(await verify(t)).toMatchObject({ ok: false, reason: 'checkpoint_invalid', problem: 'signature' })
    } finally {
      await t.close()
    }
  })
})
