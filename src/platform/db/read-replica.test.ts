import { afterAll, beforeAll, expect, it } from 'vitest'
import { decisionFor, inspect, passportMrz } from '../../app/crossings/crossings.testing.ts'
import type { BoardSnapshot } from '../../app/posts/post-board.ts'
import { loadBoard } from '../../app/posts/post-board.ts'
import type { StatisticsResult } from '../../app/statistics/statistics.contract.ts'
import { withDatabase } from '../../test/global-setup.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { cloneTemplateDatabase } from '../../test/test-db.ts'
import { controlStandby, describeWithTopology, query, until, waitForReplay } from '../../test/topology.ts'
import { todayInCambodia } from '../time/cambodia-day.ts'
import { openStore } from './database.ts'
import type { ReplicaLog } from './read-replica.ts'

const POST = 'LAND-POIPET'

function capture(): ReplicaLog & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    warn: (detail, msg) => lines.push(`warn ${msg} ${JSON.stringify(detail)}`),
    info: (detail, msg) => lines.push(`info ${msg} ${JSON.stringify(detail)}`),
  }
}

describeWithTopology('statistics and the post board on a primary and its streaming replica', (topology) => {
  let copy: { url: string; drop(): Promise<void> }
  let readUrl: string
  // Two API processes' worth of routing: one that tolerates a minute of lag, one that tolerates almost none.
  let patient: TestApp
  let strict: TestApp
  const strictLog = capture()
  let documentNumber = 0

  const app = async (maxLagMs: number, log: ReplicaLog) => {
    const store = await openStore({
      databaseUrl: copy.url,
      poolSize: 4,
      readReplica: { url: readUrl, maxLagMs, checkEveryMs: 100, log },
    })
    return createTestApp('postgres', {}, store)
  }

  beforeAll(async () => {
    copy = await cloneTemplateDatabase()
    readUrl = withDatabase(topology.readUrl, new URL(copy.url).pathname.slice(1))
    // The new database reaches the standby by physical replication, like every other write.
    await waitForReplay(topology.primaryUrl, readUrl)
    patient = await app(60_000, capture())
    strict = await app(1000, strictLog)
    await until('both routers to use the replica', () =>
      [patient, strict].every((t) => t.store.replica!.status().inUse),
    )
  })
  afterAll(async () => {
    // Whatever happened, leave the shared standby replaying and running for the next suite.
    await query(topology.readUrl, 'SELECT pg_wal_replay_resume()').catch(() => {})
    try {
      controlStandby(topology.standbyData, 'start')
    } catch {
      // Already running.
    }
    await patient?.close()
    await strict?.close()
    await copy?.drop()
  })

  const record = async () => {
    const officer = await patient.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz(`RR${String(++documentNumber).padStart(7, '0')}`))
    const res = await officer.request('POST', '/api/crossings', decisionFor(i))
    expect(res.statusCode, res.body).toBe(201)
  }
  const board = async (t: TestApp) => {
    const res = await (await t.signIn('chief.poipet')).request('GET', `/api/posts/${POST}/board`)
    expect(res.statusCode, res.body).toBe(200)
    return (res.json() as BoardSnapshot).entries.admitted
  }
  const statistics = async (t: TestApp) => {
    const today = todayInCambodia()
    const res = await (await t.signIn('analyst')).request('POST', '/api/statistics/query', {
      measure: 'travellers',
      dimensions: ['post'],
      from: today,
      to: today,
    })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json() as StatisticsResult
    return body.cells.filter((c) => c.key.post === POST).reduce((n, c) => n + (c.value ?? 0), 0)
  }
  const onPrimary = async () => (await loadBoard(patient.store.db, POST)).entries.admitted

  it('read from the replica while it is fresh; past the lag bound read from the primary, log it, and come back', async () => {
    await record()
    await waitForReplay(topology.primaryUrl, readUrl)
    const before = await onPrimary()
    expect(await board(patient)).toBe(before)
    expect(await statistics(patient)).toBeGreaterThan(0)
    const statisticsBefore = await statistics(patient)

    await until('the strict router to use the replica', () => strict.store.replica!.status().inUse)
    const mark = strictLog.lines.length
    // Replay held back on the standby: the next crossing is on the primary only.
    await query(topology.readUrl, 'SELECT pg_wal_replay_pause()')
    await record()
    expect(await onPrimary()).toBe(before + 1)
    // The patient router still reads the replica (within its bound): the board and the table are a crossing behind,
    // which shows these reads really went there.
    expect(await board(patient)).toBe(before)
    expect(await statistics(patient)).toBe(statisticsBefore)
    expect(patient.store.replica!.status().inUse).toBe(true)

    // The strict router sees the lag pass its bound, says so once, and reads the primary.
    await until('the strict router to fall back', () => strict.store.replica!.status().reason === 'lagging')
    expect(await board(strict)).toBe(before + 1)
    expect(await statistics(strict)).toBe(statisticsBefore + 1)
    const said = strictLog.lines.slice(mark)
    expect(said[0]).toMatch(/^warn read replica not used: reads go to the primary .*"reason":"lagging"/)

    await query(topology.readUrl, 'SELECT pg_wal_replay_resume()')
    await until('the strict router to use the replica again', () => strict.store.replica!.status().inUse)
    expect(strictLog.lines.at(-1)).toMatch(/^info read replica back in use/)
    await waitForReplay(topology.primaryUrl, readUrl)
    expect(await board(patient)).toBe(before + 1)
    expect(await statistics(patient)).toBe(statisticsBefore + 1)
  }, 120_000)

  it('read from the primary while the replica is down, never answer an internal error, and return when it is back', async () => {
    const expected = await onPrimary()
    controlStandby(topology.standbyData, 'stop')
    try {
      // The first read may meet a connection the stop has just cut (a retryable 503); none is an internal error.
      const first = await (await patient.signIn('chief.poipet')).request('GET', `/api/posts/${POST}/board`)
      expect([200, 503]).toContain(first.statusCode)
      if (first.statusCode === 503) expect(first.json().error.code).toBe('service_unavailable')
      await until('the router to notice', () => patient.store.replica!.status().reason === 'down')
      expect(await board(patient)).toBe(expected)
      await record()
      expect(await board(patient)).toBe(expected + 1)
      expect(await statistics(patient)).toBeGreaterThan(0)
    } finally {
      controlStandby(topology.standbyData, 'start')
    }
    await until('the replica to be used again', () => patient.store.replica!.status().inUse)
    await waitForReplay(topology.primaryUrl, readUrl)
    expect(await board(patient)).toBe(expected + 1)
  }, 120_000)
})
