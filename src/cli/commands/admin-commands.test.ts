import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../platform/db/database.ts'
import { runCli } from '../../test/run-cli.ts'

const run = runCli

describe('the passage command on an embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passage-cli-'))
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL }
  beforeAll(() => {
    process.env.DATA_DIR = dir
    delete process.env.DATABASE_URL
  })
  afterAll(() => {
    Object.assign(process.env, saved)
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR
    rmSync(dir, { recursive: true, force: true })
  })

  it('seeds reference data and demo users once', async () => {
    const first = await run('seed')
    expect(first.code).toBe(0)
    expect(first.out).toMatch(/24 points of entry, 11 demo users/)
    expect(first.out).toMatch(/admin\s+demo-/)
    const second = await run('seed')
    expect(second.out).toMatch(/0 points of entry, 0 demo users/)
  })

  it('adds a user with a temporary password, lists, disables and resets', async () => {
    const add = await run(
      'users',
      'add',
      '--username',
      'officer.doung',
      '--name',
      'Ros Sambath',
      '--role',
      'frontline_officer',
      '--agency',
      'GDI',
      '--post',
      'LAND-DAUNG',
      '--scope',
      'post',
    )
    expect(add.code).toBe(0)
    expect(add.out).toMatch(/Temporary password: tmp-/)
    expect((await run('users', 'list')).out).toMatch(
      /officer\.doung\tfrontline_officer\tGDI\tLAND-DAUNG\tpost\tactive/,
    )
    expect((await run('users', 'disable', 'officer.doung')).code).toBe(0)
    expect((await run('users', 'list')).out).toMatch(/officer\.doung.*\tdisabled/)
    const reset = await run('users', 'reset-password', 'officer.doung', '--password', 'another temporary one')
    expect(reset.out).toMatch(/must be changed at next sign-in/)
  })

  it('reports a usage error with exit status 2 and an unknown agency in words', async () => {
    expect((await run('users', 'add', '--username', 'x')).code).toBe(2)
    const bad = await run(
      'users',
      'add',
      '--username',
      'someone',
      '--name',
      'S',
      '--role',
      'analyst',
      '--agency',
      'NOPE',
      '--scope',
      'agency',
      '--password',
      'a long enough password',
    )
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/There is no agency with this code/)
  })

  it('verifies the audit chain, then names the entry edited in the database', async () => {
    const ok = await run('audit', 'verify')
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/intact: \d+ entries verified/)

    const store = await openStore({ dataDir: dir })
    const victim = await store.db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq')
      .offset(2)
      .executeTakeFirstOrThrow()
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(store.db)
    await sql`UPDATE audit_log SET details = '{"forged": true}' WHERE seq = ${victim.seq}`.execute(store.db)
    await store.close()

    const broken = await run('audit', 'verify')
    expect(broken.code).toBe(1)
    expect(broken.out).toContain(`BROKEN at entry ${victim.seq}`)
  })
})
