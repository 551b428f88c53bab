import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { BAVET_CHIEF, signInNewUser } from '../../test/users.ts'
import { ground } from './ground.ts'

type Client = Awaited<ReturnType<TestApp['signIn']>>

/** Rows of every live table but the ones a request always touches (sessions, keys, audit, caches, training records). */
async function liveCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    ORDER BY table_name`.execute(t.store.db)
  const skip = /^(sessions|idempotency_keys|audit_log|cache_versions|users|training_.*|kysely_.*)$/
  const out: Record<string, number> = {}
  for (const { table_name } of tables.rows.filter((r) => !skip.test(r.table_name))) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)}`.execute(
      t.store.db,
    )
    out[table_name] = r.rows[0]!.n
  }
  return out
}

describe.each(engines())('the training ground on %s', (engine) => {
  let t: TestApp
  let trainer: Client
  let trainee: Client
  let exerciseId: string
  let bavet: Client
  beforeAll(async () => {
    t = await createTestApp(engine)
    trainer = await t.signIn('iom.staff')
    trainee = await t.signIn('officer.poipet')
    // Another post's chief, whom the demo users lack (signing in is slow work: here, not in a test).
    bavet = await signInNewUser(t, BAVET_CHIEF)
  })
  afterAll(() => t.close())

  const items = [
    { kind: 'TD3', defects: ['mrz_check_digit'] },
    { kind: 'TD1', defects: [] },
    { kind: 'VISA', defects: ['expired', 'lost_stolen'] },
    { kind: 'TD3', defects: ['trafficking_indicators'] },
  ]

  /** Opens and answers each document in turn, as the ground page does; returns the opened views. */
  async function examine(c: Client, attemptId: string, findings: string[][]) {
    const views = []
    for (const [i, f] of findings.entries()) {
      const opened = await c.request('POST', `/api/training/attempts/${attemptId}/documents/${i}`)
      expect(opened.statusCode, `open ${i}`).toBe(200)
      views.push(opened.json())
      const answered = await c.request('PUT', `/api/training/attempts/${attemptId}/documents/${i}/answer`, {
        findings: f,
      })
      expect(answered.statusCode, `answer ${i}`).toBe(200)
    }
    return views
  }

  it('a trainer composes a set; a trainee examines it one document at a time without the answer key, submits once and is scored', async () => {
    const before = await liveCounts(t)
    const auditBefore = await t.store.db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .executeTakeFirst()
    const composed = await trainer.request('POST', '/api/training/exercises', {
      title: 'Counter basics',
      items,
    })
    expect(composed.statusCode).toBe(201)
    // A composed set without a pace of its own takes the middle one.
    expect(composed.json().secondsPerDocument).toBe(90)
    exerciseId = composed.json().id
    const started = await trainee.request('POST', `/api/training/exercises/${exerciseId}/attempts`)
    expect(started.statusCode).toBe(200)
    const attempt = started.json()
    expect(attempt).toMatchObject({ size: 4, answered: 0, submitted: false })
    expect(attempt.exercise.secondsPerDocument).toBe(90)
    // The documents are handed out one at a time: none is in the start, and none comes out of turn.
    expect(attempt.items).toBeUndefined()
    const ahead = await trainee.request('POST', `/api/training/attempts/${attempt.attemptId}/documents/1`)
    expect(ahead.statusCode).toBe(409)
    expect(ahead.json().error.details[0].code).toBe('training.out_of_turn')
    const notOpened = await trainee.request(
      'PUT',
      `/api/training/attempts/${attempt.attemptId}/documents/2/answer`,
      { findings: [] },
    )
    expect(notOpened.json().error.details[0].code).toBe('training.not_opened')

    const findings = [['mrz_check_digit'], ['alert_list'], ['expired'], []]
    const views = await examine(trainee, attempt.attemptId, findings)
    expect(JSON.stringify(views)).not.toMatch(/defects|mrz_check_digit|lost_stolen|"seed"/)
    // What the inspection screen would show: the failed check digit, the list hit, the expired date.
    expect(views[0].read.errors.map((e: { code: string }) => e.code)).toContain('documents.mrz.check_digit')
    expect(views[1].read.valid).toBe(true)
    expect(views[2].screening.documentListed).toBe(true)
    expect(views[2].read.fields.expiryDate < attempt.exercise.day).toBe(true)
    expect(views[0].svg).toMatch(/^<svg/)
    // The countdown's deadline is the opening plus the set's pace, both on the server's clock.
    expect(Date.parse(views[0].deadline) - Date.parse(views[0].openedAt)).toBe(90_000)
    // An answer is final: the same retried is answered again, a change is refused.
    const path = `/api/training/attempts/${attempt.attemptId}/documents/0/answer`
    const same = await trainee.request('PUT', path, { findings: ['mrz_check_digit'] })
    expect(same.statusCode).toBe(200)
    const changed = await trainee.request('PUT', path, { findings: [] })
    expect(changed.statusCode).toBe(409)
    expect(changed.json().error.details[0].code).toBe('training.already_answered')

    const key = 'exercise-submit-0001'
    const submissionPath = `/api/training/attempts/${attempt.attemptId}/submission`
    const submitted = await trainee.request('POST', submissionPath, {}, { 'idempotency-key': key })
    expect(submitted.statusCode).toBe(201)
    const score = submitted.json().score
    expect(score).toMatchObject({ found: 2, foundLate: 0, missed: 2, falseAlarms: 1, late: 0, percent: 40 })
    expect(score.items[2]).toMatchObject({ found: ['expired'], missed: ['lost_stolen'], falseAlarms: [] })
    expect(score.items[2]).toMatchObject({ late: false, limitSeconds: 90 })
    expect(typeof score.items[2].seconds).toBe('number')
    expect(score.items[3].missed).toEqual(['trafficking_indicators'])
    // The same request retried answers the first result; a new submission is refused and changes nothing.
    const retried = await trainee.request('POST', submissionPath, {}, { 'idempotency-key': key })
    expect(retried.statusCode).toBe(200)
    expect(retried.json().score).toEqual(score)
    const again = await trainee.request('POST', submissionPath, {})
    expect(again.statusCode).toBe(409)
    expect(again.json().error.details[0].code).toBe('training.already_submitted')
    const reopened = await trainee.request('POST', `/api/training/attempts/${attempt.attemptId}/documents/3`)
    expect(reopened.json().error.details[0].code).toBe('training.already_submitted')
    const record = (await trainee.request('GET', '/api/training/record')).json()
    expect(record.exercises).toEqual([
      expect.objectContaining({ exerciseId, percent: 40, found: 2, missed: 2, falseAlarms: 1 }),
    ])

    // Nothing reached a live table, and the live audit log only got the trainer's set and the score.
    expect(await liveCounts(t)).toEqual(before)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('resource')
      .where('seq', '>', auditBefore?.seq ?? 0)
      .where('resource', 'not in', ['session'])
      .execute()
    expect(audit.map((a) => a.resource).sort()).toEqual(['training_exercise', 'training_exercise_result'])
  })

  it('times each document on the server: one answered after its time is scored late, whatever the browser says', async () => {
    const composed = await trainer.request('POST', '/api/training/exercises', {
      title: 'At the counter pace',
      secondsPerDocument: 30,
      items: [
        { kind: 'TD3', defects: ['lost_stolen'] },
        { kind: 'TD1', defects: ['expired'] },
        { kind: 'VISA', defects: ['alert_list'] },
      ],
    })
    expect(composed.json().secondsPerDocument).toBe(30)
    const a = (await trainee.request('POST', `/api/training/exercises/${composed.json().id}/attempts`)).json()
    const base = `/api/training/attempts/${a.attemptId}/documents`
    expect((await trainee.request('POST', `${base}/0`)).statusCode).toBe(200)
    // The trainee lingered ten minutes over the first traveller: the server's clock says so.
    await ground(t.store.db)
      .updateTable('attempt_documents')
      .set({ opened_at: new Date(Date.now() - 600_000) })
      .where('attempt_id', '=', a.attemptId)
      .where('position', '=', 0)
      .execute()
    // A browser that brings its own time is refused, and the answer is not taken.
    const claimed = await trainee.request('PUT', `${base}/0/answer`, {
      findings: ['lost_stolen'],
      seconds: 5,
    })
    expect(claimed.statusCode).toBe(400)
    const late = await trainee.request('PUT', `${base}/0/answer`, { findings: ['lost_stolen'] })
    expect(late.json()).toMatchObject({ late: true, limitSeconds: 30 })
    expect(late.json().seconds).toBeGreaterThanOrEqual(600)
    // Reopening keeps the first opening: leaving and coming back does not reset the clock.
    const first = (await trainee.request('POST', `${base}/1`)).json()
    const second = (await trainee.request('POST', `${base}/1`)).json()
    expect(second.openedAt).toBe(first.openedAt)
    expect((await trainee.request('PUT', `${base}/1/answer`, { findings: ['expired'] })).json().late).toBe(
      false,
    )
    // The third document is never opened: it counts as not examined in time.
    const score = (
      await trainee.request('POST', `/api/training/attempts/${a.attemptId}/submission`, {})
    ).json().score
    expect(score.items[0]).toMatchObject({ found: [], foundLate: ['lost_stolen'], late: true })
    expect(score.items[1]).toMatchObject({ found: ['expired'], late: false })
    expect(score.items[2]).toMatchObject({ missed: ['alert_list'], seconds: null, late: true })
    expect(score).toMatchObject({ found: 1, foundLate: 1, missed: 1, late: 2, percent: 33 })
    // The trainer sees the same: the seconds per document and the late ones.
    const results = (
      await trainer.request('GET', `/api/training/exercises/${composed.json().id}/results`)
    ).json()
    expect(results.trainees[0].score.items.map((i: { late: boolean }) => i.late)).toEqual([true, false, true])
    expect(results.byDefect).toEqual([
      { defect: 'expired', injected: 1, found: 1, foundLate: 0, missed: 0, falseAlarms: 0 },
      { defect: 'lost_stolen', injected: 1, found: 0, foundLate: 1, missed: 0, falseAlarms: 0 },
      { defect: 'alert_list', injected: 1, found: 0, foundLate: 0, missed: 1, falseAlarms: 0 },
    ])
  })

  it("shows the trainer the set's results per trainee and per defect kind; a post chief only the post's trainees", async () => {
    const customs = await t.signIn('customs.bavet')
    const attempt = (await customs.request('POST', `/api/training/exercises/${exerciseId}/attempts`)).json()
    await examine(customs, attempt.attemptId, [[], [], [], []])
    await customs.request('POST', `/api/training/attempts/${attempt.attemptId}/submission`, {})
    const all = (await trainer.request('GET', `/api/training/exercises/${exerciseId}/results`)).json()
    expect(all.trainees).toHaveLength(2)
    // Over both trainees: officer.poipet found the check digit and the expiry, customs.bavet nothing.
    const row = (d: string) => all.byDefect.find((r: { defect: string }) => r.defect === d)
    expect(row('mrz_check_digit')).toMatchObject({ injected: 2, found: 1, missed: 1, falseAlarms: 0 })
    expect(row('lost_stolen')).toMatchObject({ injected: 2, found: 0, missed: 2 })
    expect(row('alert_list')).toMatchObject({ injected: 0, falseAlarms: 1 })
    const chief = await t.signIn('chief.poipet')
    const mine = (await chief.request('GET', `/api/training/exercises/${exerciseId}/results`)).json()
    expect(mine.trainees.map((x: { postCode: string }) => x.postCode)).toEqual(['LAND-POIPET'])
    // The per-defect counts are the post's own trainee's, not the other post's.
    expect(mine.byDefect.find((r: { defect: string }) => r.defect === 'mrz_check_digit')).toMatchObject({
      injected: 1,
      found: 1,
    })
    // Another post's chief sees the Bavet trainee only, never Poipet's.
    const theirs = (await bavet.request('GET', `/api/training/exercises/${exerciseId}/results`)).json()
    expect(theirs.trainees.map((x: { postCode: string }) => x.postCode)).toEqual(['LAND-BAVET'])
    expect(JSON.stringify(theirs)).not.toContain('LAND-POIPET')
    expect((await trainee.request('GET', `/api/training/exercises/${exerciseId}/results`)).statusCode).toBe(
      403,
    )
  })

  it('refuses bad sets and findings, another trainee’s attempt, and ids from outside the ground', async () => {
    for (const bad of [
      { title: 'x', items: [] },
      { title: 'x', items: [{ kind: 'TD3', defects: ['expired', 'altered_expiry'] }] },
      { title: 'x', items: [{ kind: 'TD2', defects: [] }] },
      { title: 'x', items: [{ kind: 'TD3', defects: ['no_such_defect'] }] },
      { title: 'x', difficulty: 'hard', size: 21 },
      { title: 'x\u0000', difficulty: 'hard', size: 2 },
      { title: 'x', difficulty: 'hard', size: 2, secondsPerDocument: 14 },
      { title: 'x', difficulty: 'hard', size: 2, secondsPerDocument: 901 },
      { title: 'x', difficulty: 'hard', size: 2, secondsPerDocument: 30.5 },
    ])
      expect(
        (await trainer.request('POST', '/api/training/exercises', bad)).statusCode,
        JSON.stringify(bad),
      ).toBe(400)
    expect(
      (await trainee.request('POST', '/api/training/exercises', { title: 'x', difficulty: 'easy', size: 2 }))
        .statusCode,
    ).toBe(403)
    const drawn = await trainer.request('POST', '/api/training/exercises', {
      title: 'Drawn',
      difficulty: 'medium',
      size: 3,
    })
    expect(drawn.json()).toMatchObject({ size: 3, secondsPerDocument: 90 })
    const attempt = (
      await trainee.request('POST', `/api/training/exercises/${drawn.json().id}/attempts`)
    ).json()
    const docs = `/api/training/attempts/${attempt.attemptId}/documents`
    // Past the set's end, a bad index, a findings list that is not one, the old whole-set body: refused.
    expect((await trainee.request('POST', `${docs}/3`)).statusCode).toBe(404)
    expect((await trainee.request('POST', `${docs}/-1`)).statusCode).toBe(400)
    expect((await trainee.request('POST', `${docs}/x`)).statusCode).toBe(400)
    await trainee.request('POST', `${docs}/0`)
    for (const bad of [
      { findings: ['no_such_defect'] },
      { findings: 'expired' },
      {},
      { findings: ['a\u0000'] },
    ])
      expect((await trainee.request('PUT', `${docs}/0/answer`, bad)).statusCode, JSON.stringify(bad)).toBe(
        400,
      )
    const wholeSet = await trainee.request('POST', `/api/training/attempts/${attempt.attemptId}/submission`, {
      findings: [[], [], []],
    })
    expect(wholeSet.statusCode).toBe(400)
    const other = await t.signIn('supervisor.poipet')
    expect(
      (await other.request('POST', `/api/training/attempts/${attempt.attemptId}/submission`, {})).statusCode,
    ).toBe(404)
    // A live record's id (a user, a training session) is nothing on the ground.
    const liveId = (await t.store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id
    expect((await trainee.request('POST', `/api/training/exercises/${liveId}/attempts`)).statusCode).toBe(404)
    expect(
      (await trainee.request('POST', `/api/training/attempts/${liveId}/submission`, {})).statusCode,
    ).toBe(404)
    expect((await other.request('POST', `${docs}/0`)).statusCode).toBe(404)
    expect((await trainee.request('POST', `/api/training/attempts/${liveId}/documents/0`)).statusCode).toBe(
      404,
    )
  })

  it('is reset by NCCT/IOM only; training records keep their scores', async () => {
    expect(
      (await (await t.signIn('chief.poipet')).request('POST', '/api/training/ground/reset')).statusCode,
    ).toBe(403)
    expect((await trainee.request('POST', '/api/training/ground/reset')).statusCode).toBe(403)
    const reset = await trainer.request('POST', '/api/training/ground/reset')
    expect(reset.statusCode).toBe(200)
    expect(reset.json().exercises).toBe(3)
    expect((await trainee.request('GET', '/api/training/exercises')).json().items).toEqual([])
    expect((await trainee.request('GET', '/api/training/record')).json().exercises).toHaveLength(2)
    const leftover = await ground(t.store.db).selectFrom('attempt_documents').selectAll().execute()
    expect(leftover).toEqual([])
  })
})
