import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

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
  beforeAll(async () => {
    t = await createTestApp(engine)
    trainer = await t.signIn('iom.staff')
    trainee = await t.signIn('officer.poipet')
  })
  afterAll(() => t.close())

  const items = [
    { kind: 'TD3', defects: ['mrz_check_digit'] },
    { kind: 'TD1', defects: [] },
    { kind: 'VISA', defects: ['expired', 'lost_stolen'] },
    { kind: 'TD3', defects: ['trafficking_indicators'] },
  ]

  it('a trainer composes a set; a trainee examines it without seeing the answer key, submits once and is scored', async () => {
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
    exerciseId = composed.json().id
    const started = await trainee.request('POST', `/api/training/exercises/${exerciseId}/attempts`)
    expect(started.statusCode).toBe(200)
    const view = started.json()
    expect(view.items).toHaveLength(4)
    expect(JSON.stringify(view)).not.toMatch(/defects|mrz_check_digit|lost_stolen|"seed"/)
    // What the inspection screen would show: the failed check digit, the list hit, the expired date.
    expect(view.items[0].read.errors.map((e: { code: string }) => e.code)).toContain(
      'documents.mrz.check_digit',
    )
    expect(view.items[1].read.valid).toBe(true)
    expect(view.items[2].screening.documentListed).toBe(true)
    expect(view.items[2].read.fields.expiryDate < view.exercise.day).toBe(true)
    expect(view.items[0].svg).toMatch(/^<svg/)

    const findings = [['mrz_check_digit'], ['alert_list'], ['expired'], []]
    const key = 'exercise-submit-0001'
    const submitted = await trainee.request(
      'POST',
      `/api/training/attempts/${view.attemptId}/submission`,
      { findings },
      { 'idempotency-key': key },
    )
    expect(submitted.statusCode).toBe(201)
    const score = submitted.json().score
    expect(score).toMatchObject({ found: 2, missed: 2, falseAlarms: 1, percent: 40 })
    expect(score.items[2]).toEqual({ found: ['expired'], missed: ['lost_stolen'], falseAlarms: [] })
    expect(score.items[3].missed).toEqual(['trafficking_indicators'])
    // The same request retried answers the first result; a new submission is refused and changes nothing.
    const retried = await trainee.request(
      'POST',
      `/api/training/attempts/${view.attemptId}/submission`,
      { findings },
      { 'idempotency-key': key },
    )
    expect(retried.statusCode).toBe(200)
    expect(retried.json().score).toEqual(score)
    const again = await trainee.request('POST', `/api/training/attempts/${view.attemptId}/submission`, {
      findings: [[], [], [], []],
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.details[0].code).toBe('training.already_submitted')
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

  it("shows the trainer the set's results, and the post chief only the post's trainees", async () => {
    const customs = await t.signIn('customs.bavet')
    const attempt = (await customs.request('POST', `/api/training/exercises/${exerciseId}/attempts`)).json()
    await customs.request('POST', `/api/training/attempts/${attempt.attemptId}/submission`, {
      findings: [[], [], [], []],
    })
    const all = (await trainer.request('GET', `/api/training/exercises/${exerciseId}/results`)).json()
    expect(all.trainees).toHaveLength(2)
    const chief = await t.signIn('chief.poipet')
    const mine = (await chief.request('GET', `/api/training/exercises/${exerciseId}/results`)).json()
    expect(mine.trainees.map((x: { postCode: string }) => x.postCode)).toEqual(['LAND-POIPET'])
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
    expect(drawn.json().size).toBe(3)
    const attempt = (
      await trainee.request('POST', `/api/training/exercises/${drawn.json().id}/attempts`)
    ).json()
    const wrongCount = await trainee.request(
      'POST',
      `/api/training/attempts/${attempt.attemptId}/submission`,
      { findings: [[]] },
    )
    expect(wrongCount.statusCode).toBe(400)
    expect(wrongCount.json().error.details[0].code).toBe('training.validation.findings_count')
    const other = await t.signIn('supervisor.poipet')
    expect(
      (
        await other.request('POST', `/api/training/attempts/${attempt.attemptId}/submission`, {
          findings: [[], [], []],
        })
      ).statusCode,
    ).toBe(404)
    // A live record's id (a user, a training session) is nothing on the ground.
    const liveId = (await t.store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id
    expect((await trainee.request('POST', `/api/training/exercises/${liveId}/attempts`)).statusCode).toBe(404)
    expect(
      (await trainee.request('POST', `/api/training/attempts/${liveId}/submission`, { findings: [[]] }))
        .statusCode,
    ).toBe(404)
  })

  it('is reset by NCCT/IOM only; training records keep their scores', async () => {
    expect(
      (await (await t.signIn('chief.poipet')).request('POST', '/api/training/ground/reset')).statusCode,
    ).toBe(403)
    expect((await trainee.request('POST', '/api/training/ground/reset')).statusCode).toBe(403)
    const reset = await trainer.request('POST', '/api/training/ground/reset')
    expect(reset.statusCode).toBe(200)
    expect(reset.json().exercises).toBe(2)
    expect((await trainee.request('GET', '/api/training/exercises')).json().items).toEqual([])
    expect((await trainee.request('GET', '/api/training/record')).json().exercises).toHaveLength(1)
  })
})
