import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { findPostgresBin } from '../../platform/db/throwaway-postgres.ts'
import { sessionPolicyFrom } from '../../platform/http/context.ts'
import { buildServer } from '../../platform/http/server.ts'
import { TEST_PASSWORD } from '../../test/constants.ts'
import { withDatabase } from '../../test/global-setup.ts'
import { type Client, createTestApp, type TestApp, testConfig } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { addPerson, createList, person, screen } from './screening.testing.ts'
import { screeningIndexFor } from './screening-index.ts'

/** A second server on the same store with its own index, as a second API process on one database would have. */
async function secondServer(t: TestApp) {
  const config = testConfig().config
  const store = { ...t.store }
  const app = await buildServer({ ctx: { store, config, sessionPolicy: sessionPolicyFrom(config) } })
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username: 'officer.poipet', password: TEST_PASSWORD },
  })
  const cookie = `passage_session=${res.cookies.find((c) => c.name === 'passage_session')!.value}`
  const csrf = res.json().csrfToken as string
  const officer: Client = {
    cookie,
    csrf,
    request: (method, url, body) =>
      app.inject({
        method: method as never,
        url,
        payload: body as never,
        headers: { cookie, 'x-csrf-token': csrf },
      }),
  }
  return { app, officer, index: screeningIndexFor(store) }
}

const hitsFor = async (c: Client, name: string) =>
  (await screen(c, { person: { name, birthDate: '1985-02-03' } })).hits.length

describe.each(engines())('the screening index when the database is replaced under it, on %s', (engine) => {
  let t: TestApp
  let second: Awaited<ReturnType<typeof secondServer>>
  beforeAll(async () => {
    t = await createTestApp(engine)
    second = await secondServer(t)
  })
  afterAll(async () => {
    await second.app.close()
    await t.close()
  })

  it('rebuilds when the version it loaded now stands for other rows (the shared token logic)', async () => {
    const investigator = await t.signIn('investigator')
    const list = await createList(investigator)
    await addPerson(investigator, list.id, person({ names: ['SOK Vannarith'], birthDate: '1985-02-03' }))
    // The second server loads the current version: a change is caught up with, never a reason to rebuild.
    expect(await hitsFor(second.officer, 'SOK Vannarith')).toBe(1)
    const builds = second.index.fullLoads
    await addPerson(investigator, list.id, person({ names: ['LIM Bopha'], birthDate: '1985-02-03' }))
    expect(await hitsFor(second.officer, 'LIM Bopha')).toBe(1)
    expect(second.index.fullLoads).toBe(builds)
    const { version: loaded } = await t.store.db
      .selectFrom('screening_state')
      .select('version')
      .executeTakeFirstOrThrow()

    // Another history at the same numbers, as a restore of an older backup followed by a new entry leaves it:
    // the newest entry carries the version the second server believes it loaded, and that version's token is new.
    const added = await addPerson(
      investigator,
      list.id,
      person({ names: ['MEAS Chanthou'], birthDate: '1985-02-03' }),
    )
    await t.store.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('screening_versions').where('version', '>=', loaded).execute()
      await trx.updateTable('screening_state').set({ version: loaded }).execute()
      await trx
        .updateTable('watchlist_persons')
        .set({ change_version: loaded })
        .where('id', '=', added.id)
        .execute()
      await sql`INSERT INTO screening_versions (version, token) VALUES (${loaded}, gen_random_uuid())`.execute(
        trx,
      )
    })
    // Officers screening together when the history changed: all are answered from one rebuild.
    const together = await Promise.all(
      Array.from({ length: 6 }, () => hitsFor(second.officer, 'MEAS Chanthou')),
    )
    expect(together).toEqual([1, 1, 1, 1, 1, 1])
    expect(second.index.fullLoads).toBe(builds + 1)
    // Rebuilt from the database as it is now: what was listed before is still flagged.
    expect(await hitsFor(second.officer, 'LIM Bopha')).toBe(1)
  })

  it.runIf(engine === 'postgres' && findPostgresBin())(
    'flags a person listed after a pg_restore of an older dump under the running servers',
    async () => {
      const bin = findPostgresBin()!
      const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(t.store.db)
      const url = withDatabase(inject('postgresTemplateUrl')!, rows[0]!.db)
      const dir = mkdtempSync(join(tmpdir(), 'passage-restore-'))
      const dump = join(dir, 'passage.dump')
      const run = (cmd: string, args: string[]) => {
        const res = spawnSync(join(bin, cmd), args, { encoding: 'utf8' })
        if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr}`)
      }
      try {
        const investigator = await t.signIn('investigator')
        const officer = await t.signIn('officer.poipet')
        const list = await createList(investigator)
        await addPerson(investigator, list.id, person({ names: ['KEO Dara'], birthDate: '1985-02-03' }))
        expect(await hitsFor(second.officer, 'KEO Dara')).toBe(1)
        run('pg_dump', ['-Fc', '-f', dump, '-d', url])

        // After the dump: a change both servers load.
        await addPerson(investigator, list.id, person({ names: ['NOV Sreyleak'], birthDate: '1985-02-03' }))
        expect(await hitsFor(second.officer, 'NOV Sreyleak')).toBe(1)
        expect(await hitsFor(officer, 'NOV Sreyleak')).toBe(1)

        // The backup is restored as docs/operations.md says, with both servers still running.
        run('pg_restore', ['--clean', '--if-exists', '-d', url, dump])

        // The next entry reuses the version number both servers believed loaded.
        const again = await t.signIn('investigator')
        await addPerson(again, list.id, person({ names: ['CHEA Sophal'], birthDate: '1985-02-03' }))
        const officerAgain = await t.signIn('officer.poipet')
        expect(await hitsFor(second.officer, 'CHEA Sophal')).toBe(1)
        expect(await hitsFor(officerAgain, 'CHEA Sophal')).toBe(1)
        // The restored database no longer holds the entry made after the dump: neither server flags it.
        expect(await hitsFor(second.officer, 'NOV Sreyleak')).toBe(0)
        expect(await hitsFor(officerAgain, 'NOV Sreyleak')).toBe(0)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    120_000,
  )
})
