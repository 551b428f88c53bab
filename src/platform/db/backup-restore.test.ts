import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { seed } from '../../app/seed.ts'
import { withDatabase } from '../../test/global-setup.ts'
import { openStore } from './database.ts'
import { migrateToLatest } from './migrate.ts'
import { findPostgresBin } from './throwaway-postgres.ts'

const adminUrl = inject('postgresTemplateUrl')
const pgBin = findPostgresBin()

/** The shell lines of the PostgreSQL backup and restore in docs/operations.md, comments dropped. */
function documentedCommands(): string[] {
  const doc = readFileSync(new URL('../../../docs/operations.md', import.meta.url), 'utf8')
  const part = doc.slice(doc.indexOf('### PostgreSQL'), doc.indexOf('### PGlite'))
  return [...part.matchAll(/^```sh\n([\s\S]*?)^```/gm)].flatMap((m) =>
    m[1]!
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean),
  )
}

// The documented procedure, run with the real pg_dump/pg_restore on the test cluster: the commands are read from
// the docs, so the docs are what is tested. `sudo -u postgres` becomes the cluster's superuser over TCP, the
// database and role `passage` become a fresh pair of one name, the backup folder a temporary one.
describe.skipIf(!adminUrl || !pgBin)('the documented PostgreSQL backup and restore', () => {
  const name = `passage_br_${randomBytes(5).toString('hex')}`
  const backups = mkdtempSync(join(tmpdir(), 'passage-backups-'))
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl! })
    await c.connect()
    try {
      return await c.query(statement)
    } finally {
      await c.end()
    }
  }
  const superuser = new URL(adminUrl ?? 'postgres://x')
  const ownerUrl = (() => {
    const u = new URL(withDatabase(adminUrl ?? 'postgres://x', name))
    u.username = name
    u.password = ''
    return u.toString()
  })()
  const run = (line: string) => {
    const shell = line
      .replace(/^sudo -u postgres /, '')
      .replace(/^sudo /, '')
      .replaceAll('/var/backups/passage/passage-DATE.dump', join(backups, readdirSync(backups)[0] ?? 'none'))
      .replaceAll('/var/backups/passage', backups)
      .replace(/(?<=\s)passage(?=\s|$)/g, name)
    const res = spawnSync('sh', ['-c', shell], {
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${pgBin}:${process.env.PATH}`,
        PGHOST: superuser.hostname,
        PGPORT: superuser.port || '5432',
        PGUSER: superuser.username || 'postgres',
      },
    })
    return { shell, status: res.status, out: `${res.stdout}${res.stderr}` }
  }
  afterAll(async () => {
    rmSync(backups, { recursive: true, force: true })
    if (!adminUrl) return
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin(`DROP ROLE IF EXISTS ${name}`)
  })

  it('documents a restore that works: fresh database, superuser restore, all or nothing', () => {
    const lines = documentedCommands()
    expect(lines.some((l) => l.startsWith('sudo -u postgres pg_dump --format=custom passage >'))).toBe(true)
    expect(lines).toContain('sudo -u postgres dropdb --if-exists --force passage')
    expect(lines).toContain('sudo -u postgres createdb --owner passage passage')
    const restore = lines.find((l) => l.includes('pg_restore'))
    expect(restore).toMatch(/^sudo -u postgres pg_restore .*--single-transaction/)
    expect(restore).toMatch(/--exit-on-error/)
    expect(restore).not.toMatch(/--clean/)
    // A restored database has no planner statistics until they are made again.
    expect(lines).toContain('sudo -u postgres vacuumdb --analyze-only --dbname passage')
    expect(lines.some((l) => l.endsWith('npx passage audit verify'))).toBe(true)
    expect(lines.filter((l) => l.includes('systemctl stop passage'))).toHaveLength(1)
  })

  it('backs up, restores into a fresh database, and passage audit verify passes on the result', async () => {
    // As the install guide sets it up: a login role owning its database, the extensions created by the superuser.
    await admin(`CREATE ROLE ${name} LOGIN`)
    await admin(`CREATE DATABASE ${name} OWNER ${name}`)
    const ext = new pg.Client({ connectionString: withDatabase(adminUrl!, name) })
    await ext.connect()
    await ext.query('CREATE EXTENSION pg_trgm; CREATE EXTENSION fuzzystrmatch;')
    await ext.end()

    const store = await openStore({ databaseUrl: ownerUrl, poolSize: 2 })
    let open = true
    let entries: number
    try {
      await migrateToLatest(store.db as never)
      await seed({ db: store.db, demo: true, demoPassword: 'backup-test-password-1' })
      const counted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(store.db)
      entries = counted.rows[0]!.n
      expect(entries).toBeGreaterThan(0)

      const steps = documentedCommands().filter(
        (l) => !l.includes('systemctl') && !l.includes('audit verify'),
      )
      const [mkdir, dump, ...restore] = steps
      for (const line of [mkdir!, dump!]) {
        const r = run(line)
        expect(r.status, `${r.shell}\n${r.out}`).toBe(0)
      }
      // Written after the backup: the restore must take it away.
      await sql`INSERT INTO agencies (code, name_en, name_km, kind) VALUES ('AFTERDUMP', 'After', 'ក្រោយ', 'ngo')`.execute(
        store.db,
      )
      // Passage is stopped before a restore (the docs' first step).
      await store.close()
      open = false
      for (const line of restore) {
        const r = run(line)
        expect(r.status, `${r.shell}\n${r.out}`).toBe(0)
      }
    } finally {
      if (open) await store.close()
    }

    const verify = spawnSync(process.execPath, ['bin/passage.js', 'audit', 'verify'], {
      encoding: 'utf8',
      // Its own DATA_DIR: the audit checkpoints of other runs (./data) are not this database's.
      env: { ...process.env, DATABASE_URL: ownerUrl, DATA_DIR: backups, LOG_LEVEL: 'silent' },
    })
    expect(verify.status, verify.stdout + verify.stderr).toBe(0)
    expect(verify.stdout).toContain(`${entries} entries verified`)

    // The restored tables belong to the role again, so Passage can write; what came after the backup is gone.
    const after = await openStore({ databaseUrl: ownerUrl, poolSize: 1 })
    try {
      const gone = await sql`SELECT 1 FROM agencies WHERE code = 'AFTERDUMP'`.execute(after.db)
      expect(gone.rows).toEqual([])
      await sql`INSERT INTO agencies (code, name_en, name_km, kind) VALUES ('RESTORED', 'R', 'រ', 'ngo')`.execute(
        after.db,
      )
    } finally {
      await after.close()
    }
  }, 240_000)
})
