import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withDatabase } from '../../test/global-setup.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { cloneTemplateDatabase, engines } from '../../test/test-db.ts'
import { openStore } from './database.ts'

/**
 * A `DATABASE_READ_URL` that is not a usable replica — nothing listening there, or a server that is not a standby
 * (a primary given by mistake, or a standby since promoted) — sends those reads to the primary, says so once, and
 * the reads still answer. Needs only the test PostgreSQL, so it runs wherever the API tests run on PostgreSQL.
 */
describe.runIf(engines().includes('postgres'))('a read replica URL that is no usable replica', () => {
  let copy: { url: string; drop(): Promise<void> }
  const apps: TestApp[] = []
  beforeAll(async () => {
    copy = await cloneTemplateDatabase()
  })
  afterAll(async () => {
    for (const t of apps) await t.close()
    await copy?.drop()
  })

  const appReadingFrom = async (readUrl: string) => {
    const lines: string[] = []
    const log = {
      warn: (d: object, m: string) => lines.push(`warn ${m} ${JSON.stringify(d)}`),
      info: (d: object, m: string) => lines.push(`info ${m} ${JSON.stringify(d)}`),
    }
    const store = await openStore({
      databaseUrl: copy.url,
      poolSize: 3,
      connectTimeoutMs: 2_000,
      readReplica: { url: readUrl, maxLagMs: 60_000, checkEveryMs: 60_000, log },
    })
    const t = await createTestApp('postgres', {}, store)
    apps.push(t)
    return { t, lines }
  }

  const readsAnswer = async (t: TestApp) => {
    const chief = await t.signIn('chief.poipet')
    expect((await chief.request('GET', '/api/posts/LAND-POIPET/board')).statusCode).toBe(200)
    const analyst = await t.signIn('analyst')
    const res = await analyst.request('POST', '/api/statistics/query', {
      measure: 'travellers',
      dimensions: ['post'],
      from: '2025-03-01',
      to: '2025-03-31',
    })
    expect(res.statusCode, res.body).toBe(200)
  }

  it('reads from the primary when the replica URL names a server that is not in recovery', async () => {
    const { t, lines } = await appReadingFrom(copy.url)
    expect(t.store.replica!.status()).toMatchObject({ inUse: false, reason: 'not_standby' })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^warn read replica not used: reads go to the primary .*"reason":"not_standby"/)
    await readsAnswer(t)
  })

  it('reads from the primary when nothing answers at the replica URL, and keeps its password out of the log', async () => {
    const { t, lines } = await appReadingFrom(
      withDatabase('postgres://reader:s3cret@127.0.0.1:1/x', 'passage'),
    )
    expect(t.store.replica!.status()).toMatchObject({ inUse: false, reason: 'down' })
    expect(lines[0]).toMatch(/^warn read replica not used: reads go to the primary .*"reason":"down"/)
    expect(lines.join('\n')).not.toContain('s3cret')
    await readsAnswer(t)
  })
})
