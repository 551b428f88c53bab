import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMrz } from '../../domain/documents/index.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1f7e7e30000000049454e44ae426082',
  'hex',
)

describe.each(engines())('document examination on %s', (engine) => {
  let t: TestApp
  let documentId: string
  beforeAll(async () => {
    t = await createTestApp(engine)
    const officer = await t.signIn('officer.poipet')
    const lines = generateMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'VNM',
      documentNumber: 'C3318842',
      nationality: 'VNM',
      surname: 'Tran',
      givenNames: 'Thi Mai',
      birthDate: '2001-09-09',
      sex: 'F',
      expiryDate: '2030-09-08',
    }).lines
    documentId = (await officer.request('POST', '/api/documents/read', { text: lines.join('\n') })).json()
      .document.id
  })
  afterAll(() => t.close())

  const examine = async (username: string, body: Record<string, unknown> = {}) =>
    (await t.signIn(username)).request('POST', '/api/documents/examinations', {
      documentId,
      templateId: 'VNM-P',
      finding: 'suspected',
      results: { 'generic.photo_not_substituted': 'anomaly', 'generic.laminate_intact': 'consistent' },
      notes: 'Raised edge at the portrait corner',
      ...body,
    })

  it('serves the seeded templates, issuer specifics marked for the document expert', async () => {
    const officer = await t.signIn('officer.poipet')
    const res = await officer.request('GET', '/api/documents/templates/VNM-P')
    expect(res.statusCode).toBe(200)
    const checks = res.json().checks
    expect(checks[0]).toMatchObject({ id: 'generic.mrz_matches_data_page', toBeConfirmed: false })
    expect(checks.filter((c: { toBeConfirmed: boolean }) => c.toBeConfirmed).length).toBeGreaterThan(0)
    const list = (await officer.request('GET', '/api/documents/templates')).json()
    expect(list.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['generic', 'KHM-P', 'THA-P']),
    )
  })

  it('lets an administrator edit and add checks, and no one else', async () => {
    const check = {
      category: 'optical',
      method: 'tilt',
      nameEn: 'Kinegram on page 2',
      nameKm: 'គីណេក្រាមនៅទំព័រទី ២',
      toBeConfirmed: true,
    }
    const officer = await t.signIn('officer.poipet')
    expect(
      (await officer.request('PUT', '/api/documents/templates/VNM-P/checks/VNM-P.kinegram', check))
        .statusCode,
    ).toBe(403)
    const admin = await t.signIn('admin')
    const added = await admin.request('PUT', '/api/documents/templates/VNM-P/checks/VNM-P.kinegram', check)
    expect(added.json()).toMatchObject({ id: 'VNM-P.kinegram', active: true })
    const renamed = await admin.request('PATCH', '/api/documents/templates/VNM-P', { series: '2022' })
    expect(renamed.json().series).toBe('2022')
    const copy = await admin.request('POST', '/api/documents/templates', {
      id: 'VNM-P-2005',
      issuingState: 'VNM',
      documentCode: 'P',
      series: '2005',
      nameEn: 'Vietnamese passport (2005)',
      nameKm: 'លិខិតឆ្លងដែនវៀតណាម (២០០៥)',
      copyChecksFrom: 'VNM-P',
    })
    expect(copy.statusCode).toBe(201)
    expect(copy.json().checks.length).toBe(renamed.json().checks.length)
  })

  it('records a finding with every check, audited, visible at the post and to investigators only', async () => {
    const res = await examine('officer.poipet')
    expect(res.statusCode).toBe(201)
    const exam = res.json()
    expect(exam).toMatchObject({ finding: 'suspected', postCode: 'LAND-POIPET' })
    expect(exam.results['generic.photo_not_substituted']).toBe('anomaly')
    expect(exam.results['generic.watermark']).toBe('not_checked')
    const audit = await t.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', exam.id)
      .execute()
    expect(audit[0]).toMatchObject({ action: 'create', resource: 'examination' })
    expect(
      (await (await t.signIn('investigator')).request('GET', `/api/documents/examinations/${exam.id}`))
        .statusCode,
    ).toBe(200)
    expect(
      (await (await t.signIn('customs.bavet')).request('GET', `/api/documents/examinations/${exam.id}`))
        .statusCode,
    ).toBe(403)
    const bad = await examine('officer.poipet', { results: { 'no.such.check': 'anomaly' } })
    expect(bad.json().error.details[0].path).toBe('body.results.no.such.check')
  })

  it('names the document in the body: a malformed id is a field error, an unknown one is not found, neither writes', async () => {
    const count = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('document_examinations')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const malformed = await examine('officer.poipet', { documentId: 'not-a-uuid\u0000' })
    expect([malformed.statusCode, malformed.json().error.details[0].path]).toEqual([400, 'body.documentId'])
    const unknown = await examine('officer.poipet', { documentId: '00000000-0000-4000-8000-000000000000' })
    expect(unknown.statusCode).toBe(404)
    const missing = await (await t.signIn('officer.poipet')).request('POST', '/api/documents/examinations', {
      templateId: 'VNM-P',
      finding: 'suspected',
      results: {},
    })
    expect(missing.json().error.details[0].path).toBe('body.documentId')
    expect(await count()).toBe(before)
  })

  it('stores photos of the document, checks their type and size, and audits every view', async () => {
    const exam = (await examine('supervisor.poipet', { finding: 'forged_or_altered' })).json()
    const officer = await t.signIn('officer.poipet')
    const url = `/api/documents/examinations/${exam.id}/photos`
    const added = await officer.request('POST', url, PNG, { 'content-type': 'image/png' })
    expect(added.statusCode).toBe(201)
    const photo = await officer.request('GET', `/api/documents/photos/${added.json().id}`)
    expect(photo.headers['content-type']).toBe('image/png')
    expect(Buffer.compare(photo.rawPayload, PNG)).toBe(0)
    const reads = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', added.json().id)
      .execute()
    expect(reads.map((r) => r.action)).toEqual(['create', 'read'])

    const liar = await officer.request('POST', url, PNG, { 'content-type': 'image/jpeg' })
    expect([liar.statusCode, liar.json().error.code]).toEqual([400, 'validation_failed'])
    const gif = await officer.request('POST', url, Buffer.from('GIF89a'), { 'content-type': 'image/gif' })
    expect(gif.statusCode).toBe(415)
    const big = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)])
    expect((await officer.request('POST', url, big, { 'content-type': 'image/png' })).statusCode).toBe(413)
    const social = await t.signIn('socialworker')
    expect((await social.request('GET', `/api/documents/photos/${added.json().id}`)).statusCode).toBe(403)
    const stored = await t.store.db
      .selectFrom('document_photos')
      .select('id')
      .where('examination_id', '=', exam.id)
      .execute()
    expect(stored).toHaveLength(1)
  })

  it('counts findings by finding, issuing state and post for those who keep statistics', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const query = `/api/documents/examinations/statistics?from=2020-01-01&to=${today}`
    const chief = await (await t.signIn('chief.poipet')).request('GET', query)
    expect(chief.json().rows).toContainEqual({
      finding: 'suspected',
      issuingState: 'VNM',
      postCode: 'LAND-POIPET',
      count: 1,
    })
    expect((await (await t.signIn('analyst')).request('GET', query)).json().total).toBe(2)
    expect((await (await t.signIn('officer.poipet')).request('GET', query)).statusCode).toBe(403)
  })
})
