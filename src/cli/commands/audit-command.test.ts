import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { checkpointFileIn } from '../../platform/audit/checkpoint-file.ts'
import { openStore, type Store } from '../../platform/db/database.ts'
import { runCli } from '../../test/run-cli.ts'
import { cloneTemplateDatabase, engines } from '../../test/test-db.ts'

const run = runCli

const VARS = ['DATA_DIR', 'DATABASE_URL', 'AUDIT_KEY_FILE', 'AUDIT_CHECKPOINT_DIR'] as const

describe.each(engines())('passage audit on %s', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'passage-audit-cli-'))
  const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]))
  let databaseUrl: string | undefined
  let dropDatabase = async () => {}
  // Each step opens the database itself, as the command does, and closes it before the next command runs.
  const withStore = async (work: (s: Store) => Promise<unknown>) => {
    const store = await openStore(databaseUrl ? { databaseUrl, poolSize: 1 } : { dataDir: join(dir, 'data') })
    try {
      await work(store)
    } finally {
      await store.close()
    }
  }

  beforeAll(async () => {
    for (const v of VARS) delete process.env[v]
    process.env.DATA_DIR = join(dir, 'data')
    if (engine === 'pglite') {
      const dump = new Blob([readFileSync(inject('pgliteTemplate'))])
      const store = await openStore({ dataDir: join(dir, 'data'), loadDataDir: dump })
      await store.close()
    } else {
      const copy = await cloneTemplateDatabase()
      databaseUrl = copy.url
      process.env.DATABASE_URL = databaseUrl
      dropDatabase = copy.drop
    }
  })
  afterAll(async () => {
    for (const v of VARS) if (saved[v] === undefined) delete process.env[v]
    Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, x]) => x !== undefined)))
    await dropDatabase()
    rmSync(dir, { recursive: true, force: true })
  })

  const keyFile = join(dir, 'data', 'audit-key', 'checkpoint-signing.pem')
  const checkpoints = join(dir, 'data', 'audit-checkpoints')
  const offsite = join(dir, 'offsite')
  let verifierKey = ''

  it('with --no-seal only reads: says how many entries are not yet sealed, and leaves them so', async () => {
    const unsealed = async () => {
      let n = 0
      await withStore(async (s) => {
        n = (
          await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE pos IS NULL`.execute(s.db)
        ).rows[0]!.n
      })
      return n
    }
    // The seeded template was written by commands that exit without sealing, as `passage seed` does.
    const before = await unsealed()
    expect(before).toBeGreaterThan(0)
    const r = await run('audit', 'verify', '--no-seal')
    expect(r.code).toBe(0)
    expect(r.out).toContain(`${before} entries are committed but not yet sealed into the chain`)
    expect(await unsealed()).toBe(before)
    const sealed = await run('audit', 'verify')
    expect(sealed.code).toBe(0)
    expect(sealed.out).not.toContain('not yet sealed')
    expect(await unsealed()).toBe(0)
    // Opens the embedded database five times: slow on a loaded machine, whatever the outcome.
  }, 300_000)

  it('verifies a log without checkpoints, but warns that a cut tail would go unseen', async () => {
    const r = await run('audit', 'verify')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/intact: \d+ entries verified\.\nWarning: no signed checkpoint/)
  })

  it('signs a checkpoint on demand with a key of its own (0600), prints the verifier key, and verifies', async () => {
    const signed = await run('audit', 'checkpoint')
    expect(signed.err).toBe('')
    expect(signed.code).toBe(0)
    expect(signed.out).toMatch(/Checkpoint signed: \d+ entries/)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    const key = await run('audit', 'key')
    expect(key.code).toBe(0)
    verifierKey = key.out.trim()
    expect(verifierKey).toMatch(/^passage\.local\/audit\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/)
    const ok = await run('audit', 'verify')
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/intact: \d+ entries verified against 1 signed checkpoints/)
    mkdirSync(offsite, { recursive: true })
    // The operator copies the checkpoint file off the machine, a dated copy each time (the same notes twice here).
    cpSync(checkpointFileIn(checkpoints), join(offsite, 'checkpoints-2026-12-04-09.txt'))
    cpSync(checkpointFileIn(checkpoints), join(offsite, 'checkpoints-2026-12-04-10.txt'))
  })

  it('fails, naming what is missing, once the newest entries were deleted behind its back', async () => {
    await withStore(async (s) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(s.db)
      await sql`DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 2)`.execute(
        s.db,
      )
      await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(s.db)
    })
    const broken = await run('audit', 'verify')
    expect(broken.code).toBe(1)
    expect(broken.out).toMatch(/BROKEN: the newest 2 entries are missing/)
    // Nor will it sign the cut log as the new truth.
    const refused = await run('audit', 'checkpoint')
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/Not signed: the log no longer holds entry \d+/)
  })

  it('still fails against the off-machine copy after the local key and checkpoints were removed', async () => {
    rmSync(checkpoints, { recursive: true, force: true })
    rmSync(keyFile, { force: true })
    const local = await run('audit', 'verify')
    expect(local.code).toBe(0)
    expect(local.out).toMatch(/Warning: no signed checkpoint/)
    const copy = await run('audit', 'verify', '--checkpoints', offsite, '--key', verifierKey)
    expect(copy.code).toBe(1)
    expect(copy.out).toMatch(/newest 2 entries are missing/)
    expect(copy.out).toContain(join(offsite, 'checkpoints-2026-12-04-09.txt'))
    // Without the verifier key, a checkpoint cannot be trusted: the verification fails rather than skip it.
    const keyless = await run('audit', 'verify', '--checkpoints', offsite)
    expect(keyless.code).toBe(1)
    expect(keyless.out).toMatch(/NOT VERIFIED: .* no signing key/)
    expect((await run('audit', 'verify', '--key', 'not-a-key')).code).toBe(2)
    expect((await run('audit', 'verify', '--checkpoints', join(dir, 'nowhere'))).code).toBe(2)
  })
})
