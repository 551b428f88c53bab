import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMrz, type MrzDocument } from '../../domain/documents/index.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

const passport = (over: Partial<MrzDocument> = {}) =>
  generateMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingState: 'KHM',
    documentNumber: 'N04521783',
    nationality: 'KHM',
    surname: 'Chan',
    givenNames: 'Sreyleak',
    birthDate: '1996-07-21',
    sex: 'F',
    expiryDate: '2031-02-10',
    ...over,
  }).lines

/** The lines with one character replaced. */
const withChar = (lines: string[], line: number, index: number, ch: string) =>
  lines.map((l, n) => (n === line ? l.slice(0, index) + ch + l.slice(index + 1) : l))

describe.each(engines())('reading travel documents on %s', (engine) => {
  let t: TestApp
  const count = async (table: 'travel_documents' | 'travellers' | 'audit_log') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('stores a valid passport once, whatever noise the reader adds, and links it to one traveller', async () => {
    const officer = await t.signIn('officer.poipet')
    const lines = passport()
    const first = await officer.request('POST', '/api/documents/read', { text: `${lines.join('\n')}\n` })
    expect(first.statusCode).toBe(200)
    const body = first.json()
    expect(body).toMatchObject({ format: 'TD3', valid: true, errors: [], corrections: [] })
    expect(body.fields).toMatchObject({ surname: 'CHAN', givenNames: 'SREYLEAK', birthDate: '1996-07-21' })
    expect(body.document).toMatchObject({ created: true, readCount: 1, firstSeenPost: 'LAND-POIPET' })
    expect(body.templateId).toBe('KHM-P')
    expect(body.facts).toMatchObject({ minor: false, expired: false })

    const again = await officer.request('POST', '/api/documents/read', {
      text: `\u0002 ${lines[0]}\r\n${lines[1]}  \r\n\u0003`,
    })
    expect(again.json().document).toMatchObject({ id: body.document.id, created: false, readCount: 2 })
    const stored = await t.store.db
      .selectFrom('travel_documents')
      .selectAll()
      .where('document_number', '=', 'N04521783')
      .execute()
    expect(stored).toHaveLength(1)
    const travellers = await t.store.db
      .selectFrom('travellers')
      .selectAll()
      .where('id', '=', stored[0]!.traveller_id)
      .execute()
    expect(travellers).toMatchObject([
      { surname: 'CHAN', given_names: 'SREYLEAK', birth_date: '1996-07-21', sex: 'F' },
    ])
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', body.document.id)
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'read'])
  })

  it('stores a document once when two officers read it at the same moment, and not again on a retry', async () => {
    const [a, b] = [await t.signIn('officer.poipet'), await t.signIn('supervisor.poipet')]
    const text = passport({ documentNumber: 'N09990001', surname: 'Lim' }).join('\n')
    const travellers = await count('travellers')
    const read = (c: typeof a) => c.request('POST', '/api/documents/read', { text })
    const [x, y] = await Promise.all([read(a), read(b)])
    expect(x.json().document.id).toBe(y.json().document.id)
    expect([x.json().document.created, y.json().document.created].sort()).toEqual([false, true])
    expect(await count('travellers')).toBe(travellers + 1)
    const headers = { 'idempotency-key': 'read-retry-0001' }
    await a.request('POST', '/api/documents/read', { text }, headers)
    const retried = await a.request('POST', '/api/documents/read', { text }, headers)
    expect(retried.json().document.readCount).toBe(3)
  })

  it('shows a stored document to investigators, audited, and to no one outside the border and police', async () => {
    const officer = await t.signIn('officer.poipet')
    const read = await officer.request('POST', '/api/documents/read', { text: passport().join('\n') })
    const id = read.json().document.id
    const seen = await (await t.signIn('investigator')).request('GET', `/api/documents/${id}`)
    expect(seen.json()).toMatchObject({ document: { id, issuingState: 'KHM' }, templateId: 'KHM-P' })
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('actor_username')
      .where('record_id', '=', id)
      .where('action', '=', 'read')
      .execute()
    expect(audit.map((e) => e.actor_username)).toContain('investigator')
    expect((await (await t.signIn('socialworker')).request('GET', `/api/documents/${id}`)).statusCode).toBe(
      403,
    )
  })

  it('reads a visa (MRV-A), which has no composite check digit', async () => {
    const officer = await t.signIn('officer.poipet')
    const visa = generateMrz({
      format: 'MRVA',
      documentCode: 'V',
      issuingState: 'KHM',
      documentNumber: 'KV7730125',
      nationality: 'VNM',
      surname: 'Nguyen',
      givenNames: 'Van An',
      birthDate: '1988-11-03',
      sex: 'M',
      expiryDate: '2026-12-31',
      optionalData: 'E1',
    }).lines
    const res = await officer.request('POST', '/api/documents/read', { text: visa.join('\r\n') })
    expect(res.json()).toMatchObject({
      format: 'MRVA',
      valid: true,
      document: { documentCode: 'V', nationality: 'VNM' },
    })
    expect(res.json().checks.composite).toBeUndefined()
  })

  it('answers a wrong check digit with a positioned, translated error and a correction, storing nothing', async () => {
    const officer = await t.signIn('officer.poipet')
    const before = await count('travel_documents')
    // The reader took the O of the document number for a zero: the check digit no longer matches.
    const lines = withChar(passport({ documentNumber: 'NO4521783', surname: 'Keo' }), 1, 1, '0')
    const res = await officer.request('POST', '/api/documents/read', { text: lines.join('\n') })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.valid).toBe(false)
    expect(body.document).toBeNull()
    const error = body.errors.find((e: { code: string }) => e.code === 'documents.mrz.check_digit')
    expect(error).toMatchObject({ field: 'documentNumber', line: 1, start: 9, end: 10 })
    expect(error.message).toMatch(/check digit/)
    expect(body.corrections[0].changes).toMatchObject([
      { line: 1, index: 1, from: '0', to: 'O', reason: 'ocr' },
    ])
    expect(body.corrections[0].lines[1][1]).toBe('O')
    expect(await count('travel_documents')).toBe(before)
  })

  it('reports lowercase, control characters and non-ASCII, in Khmer for a Khmer user, storing nothing', async () => {
    const officer = await t.signIn('officer.poipet')
    await officer.request('PUT', '/api/auth/locale', { locale: 'km' })
    const before = await count('travel_documents')
    const lines = passport({ documentNumber: 'N77001234' })
    const lower = await officer.request('POST', '/api/documents/read', {
      text: lines.join('\n').toLowerCase(),
    })
    expect(lower.json().errors.map((e: { code: string }) => e.code)).toContain('documents.mrz.lowercase')
    expect(lower.json().errors[0].message).toMatch(/[\u1780-\u17FF]/)
    expect(lower.json().corrections[0].changes[0].reason).toBe('case')
    const control = await officer.request('POST', '/api/documents/read', {
      text: withChar(lines, 0, 10, '\u0007').join('\n'),
    })
    expect(control.json().errors).toContainEqual(
      expect.objectContaining({
        code: 'documents.mrz.invalid_character',
        line: 0,
        start: 10,
      }),
    )
    const accented = await officer.request('POST', '/api/documents/read', {
      text: withChar(lines, 0, 6, 'É').join('\n'),
    })
    expect(accented.json().errors).toContainEqual(
      expect.objectContaining({
        code: 'documents.mrz.invalid_character',
        line: 0,
        start: 6,
      }),
    )
    expect(await count('travel_documents')).toBe(before)
    await officer.request('PUT', '/api/auth/locale', { locale: 'en' })
  })

  it('refuses malformed requests with a code: missing or non-string text, too long, a 10 MB paste', async () => {
    const officer = await t.signIn('officer.poipet')
    const [documents, audit] = [await count('travel_documents'), await count('audit_log')]
    const missing = await officer.request('POST', '/api/documents/read', {})
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'validation_failed'])
    const number = await officer.request('POST', '/api/documents/read', { text: 42 })
    expect(number.json().error.details[0]).toMatchObject({
      path: 'body.text',
      code: 'validation.invalid_type',
    })
    const long = await officer.request('POST', '/api/documents/read', { text: 'P'.repeat(5000) })
    expect(long.json().error.details[0]).toMatchObject({ path: 'body.text', code: 'validation.too_big' })
    const huge = await officer.request('POST', '/api/documents/read', { text: 'A'.repeat(10 * 1024 * 1024) })
    expect([huge.statusCode, huge.json().error.code]).toEqual([413, 'body_too_large'])
    expect([await count('travel_documents'), await count('audit_log')]).toEqual([documents, audit])
  })

  it('records a document typed by hand when there is no readable MRZ, checked by the same rules', async () => {
    const officer = await t.signIn('officer.poipet')
    const doc = {
      documentCode: 'P',
      issuingState: 'THA',
      documentNumber: 'AA1234567',
      nationality: 'THA',
      surname: 'Somchai',
      givenNames: 'Wongsakul',
      birthDate: '2015-04',
      sex: 'M',
      expiryDate: '2029-06-30',
    }
    const res = await officer.request('POST', '/api/documents/manual', doc)
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ valid: true, document: { source: 'manual', birthDate: '2015-04' } })
    expect(res.json().facts.underTwelve).toBe(true)
    const bad = await officer.request('POST', '/api/documents/manual', { ...doc, issuingState: 'QQQ' })
    expect(bad.statusCode).toBe(200)
    expect(bad.json().errors[0].code).toBe('documents.mrz.state_code')
  })

  it('lets only the border read documents', async () => {
    const text = passport().join('\n')
    expect((await t.anonymous.request('POST', '/api/documents/read', { text })).statusCode).toBe(401)
    const analyst = await t.signIn('analyst')
    const res = await analyst.request('POST', '/api/documents/read', { text })
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden'])
  })
})
