import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { BAVET_CHIEF, signInNewUser } from '../../test/users.ts'
import { pdfText } from '../statistics/report-reader.testing.ts'

type Client = Awaited<ReturnType<TestApp['signIn']>>

describe.each(engines())('capacity building on %s', (engine) => {
  let t: TestApp
  let ncct: Client
  let sessionId: string
  let bavet: Client
  beforeAll(async () => {
    t = await createTestApp(engine)
    ncct = await t.signIn('analyst')
    // Another post's chief, whom the demo users lack (signing in is slow work: here, not in a test).
    bavet = await signInNewUser(t, BAVET_CHIEF)
  })
  afterAll(() => t.close())

  const userId = async (username: string) =>
    (
      await t.store.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id

  const course = {
    titleEn: 'Travel document examination',
    titleKm: 'ការពិនិត្យឯកសារធ្វើដំណើរ',
    topic: 'documents',
    curriculum: 'MRZ, visual inspection zone, security features',
    languages: ['km', 'en'],
  }

  it('records a course, a session and its participants, and issues a bilingual certificate', async () => {
    const c = await ncct.request('POST', '/api/training/courses', course)
    expect(c.statusCode).toBe(201)
    const s = await ncct.request('POST', '/api/training/sessions', {
      courseId: c.json().id,
      startsOn: '2026-11-02',
      endsOn: '2026-11-04',
      place: 'Poipet',
      trainers: 'IOM document examiners',
      fundingProject: 'Passage capacity building',
      postCode: 'LAND-POIPET',
    })
    expect(s.statusCode).toBe(201)
    sessionId = s.json().id
    const officer = await ncct.request('POST', `/api/training/sessions/${sessionId}/participants`, {
      userId: await userId('officer.poipet'),
      sex: 'F',
    })
    expect(officer.statusCode).toBe(201)
    expect(officer.json()).toMatchObject({ agencyCode: 'GDI', postCode: 'LAND-POIPET', attended: false })
    const twice = await ncct.request('POST', `/api/training/sessions/${sessionId}/participants`, {
      userId: await userId('officer.poipet'),
      sex: 'F',
    })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.details[0].code).toBe('training.already_enrolled')
    const external = await ncct.request('POST', `/api/training/sessions/${sessionId}/participants`, {
      fullName: 'Chan Dara',
      agencyCode: 'NGO',
      postCode: null,
      sex: 'M',
    })
    expect(external.statusCode).toBe(201)
    // Attended but failed the post-test, so not completed: no certificate.
    const failed = external.json().id
    await ncct.request('PATCH', `/api/training/participants/${failed}`, { attended: true, postScore: 30 })
    const noPass = await ncct.request('GET', `/api/training/participants/${failed}/certificate.pdf`)
    expect(noPass.statusCode).toBe(422)
    expect(noPass.json().error.details[0].code).toBe('training.validation.not_completed')
    const id = officer.json().id
    const early = await ncct.request('GET', `/api/training/participants/${id}/certificate.pdf`)
    expect(early.statusCode).toBe(422)
    const notThere = await ncct.request('PATCH', `/api/training/participants/${id}`, { completed: true })
    expect(notThere.statusCode).toBe(422)
    const done = await ncct.request('PATCH', `/api/training/participants/${id}`, {
      attended: true,
      preScore: 45,
      postScore: 88,
      completed: true,
    })
    expect(done.statusCode).toBe(200)
    expect(done.json().certificateNo).toMatch(/^TR-[0-9A-F]{12}$/)
    const pdf = await ncct.request('GET', `/api/training/participants/${id}/certificate.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const text = pdfText(pdf.rawPayload)
    for (const words of [
      'Certificate of training',
      'វិញ្ញាបនបត្របណ្តុះបណ្តាល',
      'Travel document examination',
      'ការពិនិត្យឯកសារធ្វើដំណើរ',
      done.json().certificateNo,
    ])
      expect(text).toContain(words)
  })

  it('shows NCCT everyone, the post chief the post staff, an officer only their own record', async () => {
    const names = async (c: Client) =>
      (await c.request('GET', '/api/training/sessions'))
        .json()
        .items.flatMap((s: { participants: { fullName: string }[] }) => s.participants.map((p) => p.fullName))
    expect((await names(ncct)).length).toBe(2)
    const chief = await t.signIn('chief.poipet')
    const chiefSees = await names(chief)
    expect(chiefSees).toHaveLength(1)
    const customs = await t.signIn('customs.bavet')
    expect(await names(customs)).toEqual([])
    const officer = await t.signIn('officer.poipet')
    const record = (await officer.request('GET', '/api/training/record')).json()
    expect(record.sessions).toHaveLength(1)
    expect(record.sessions[0]).toMatchObject({ attended: true, postScore: 88 })
    // Another post's officer cannot fetch this certificate: it is not found for them.
    const participant = (await ncct.request('GET', '/api/training/sessions')).json().items[0].participants
    const own = participant.find((p: { userId: string | null }) => p.userId)
    expect(
      (await customs.request('GET', `/api/training/participants/${own.id}/certificate.pdf`)).statusCode,
    ).toBe(404)
    expect(
      (await officer.request('GET', `/api/training/participants/${own.id}/certificate.pdf`)).statusCode,
    ).toBe(200)
    // Another post's chief: none of Poipet's training, its certificate not found, its results not writable.
    expect(await names(bavet)).toEqual([])
    expect(
      (await bavet.request('GET', `/api/training/participants/${own.id}/certificate.pdf`)).statusCode,
    ).toBe(404)
    const rewrite = await bavet.request('PATCH', `/api/training/participants/${own.id}`, { postScore: 10 })
    expect(rewrite.statusCode).toBe(404)
    // Nor can that chief enrol Poipet's staff (sending the post's own staff to a session elsewhere is allowed).
    const enrol = await bavet.request('POST', `/api/training/sessions/${sessionId}/participants`, {
      userId: await userId('supervisor.poipet'),
      sex: 'F',
    })
    expect(enrol.statusCode).toBe(403)
    const still = (await ncct.request('GET', '/api/training/sessions')).json().items[0].participants
    expect(still.find((p: { id: string }) => p.id === own.id).postScore).toBe(88)
  })

  it('refuses a role one step too low, another post, and bad input, changing nothing', async () => {
    const supervisor = await t.signIn('supervisor.poipet')
    expect((await supervisor.request('POST', '/api/training/courses', course)).statusCode).toBe(403)
    const chief = await t.signIn('chief.poipet')
    const courseId = (await ncct.request('GET', '/api/training/courses')).json().items[0].id
    const session = {
      courseId,
      startsOn: '2026-11-02',
      endsOn: '2026-11-03',
      place: 'Bavet',
      trainers: 'X',
      fundingProject: 'Y',
    }
    expect(
      (await chief.request('POST', '/api/training/sessions', { ...session, postCode: 'LAND-BAVET' }))
        .statusCode,
    ).toBe(403)
    expect(
      (
        await chief.request('POST', `/api/training/sessions/${sessionId}/participants`, {
          userId: await userId('customs.bavet'),
          sex: 'M',
        })
      ).statusCode,
    ).toBe(403)
    const backwards = await ncct.request('POST', '/api/training/sessions', {
      ...session,
      endsOn: '2026-11-01',
      postCode: null,
    })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().error.details[0].code).toBe('training.validation.ends_before_start')
    for (const bad of [
      { ...course, titleEn: 'bad\u0007title' },
      { ...course, titleEn: '' },
      { ...course, titleEn: 'x'.repeat(201) },
      { ...course, languages: [] },
      { ...course, extra: 1 },
    ])
      expect((await ncct.request('POST', '/api/training/courses', bad)).statusCode).toBe(400)
    const unknownAgency = await ncct.request('POST', `/api/training/sessions/${sessionId}/participants`, {
      fullName: 'Someone',
      agencyCode: 'NOPE',
      postCode: null,
      sex: 'F',
    })
    expect(unknownAgency.statusCode).toBe(400)
    expect((await ncct.request('GET', '/api/training/courses')).json().items).toHaveLength(1)
  })
})
