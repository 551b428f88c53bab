import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMrz } from '../../domain/documents/index.ts'
import { jpegOf, pngOf } from '../../test/hostile-files.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { register, returneeBody } from '../returns/returns.testing.ts'
import { imageDimensions } from './image-header.ts'

describe('image headers', () => {
  it('reads the width and height of PNG and JPEG headers, and nothing from a broken one', () => {
    expect(imageDimensions(pngOf(20_000, 20_000))).toEqual({ width: 20_000, height: 20_000 })
    expect(imageDimensions(jpegOf(640, 480))).toEqual({ width: 640, height: 480 })
    expect(imageDimensions(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBeNull()
    expect(imageDimensions(Buffer.from('ffd8ff00', 'hex'))).toBeNull()
    expect(imageDimensions(pngOf(0, 10))).toBeNull()
  })
})

describe.each(engines())('photo dimensions on %s', (engine) => {
  let t: TestApp
  let examUrl: string
  let returneeUrl: string
  beforeAll(async () => {
    t = await createTestApp(engine)
    const officer = await t.signIn('officer.poipet')
    const lines = generateMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'VNM',
      documentNumber: 'C3318843',
      nationality: 'VNM',
      surname: 'Tran',
      givenNames: 'Thi Lan',
      birthDate: '2001-09-09',
      sex: 'F',
      expiryDate: '2030-09-08',
    }).lines
    const documentId = (
      await officer.request('POST', '/api/documents/read', { text: lines.join('\n') })
    ).json().document.id
    const exam = await officer.request('POST', '/api/documents/examinations', {
      documentId,
      templateId: 'VNM-P',
      finding: 'suspected',
      results: { 'generic.photo_not_substituted': 'anomaly', 'generic.laminate_intact': 'consistent' },
      notes: 'Raised edge at the portrait corner',
    })
    expect(exam.statusCode, exam.body).toBe(201)
    examUrl = `/api/documents/examinations/${exam.json().id}/photos`
    returneeUrl = `/api/returns/photos/${(await register(officer, returneeBody({ givenLatin: 'Pixel' }))).json().id}`
  })
  afterAll(() => t.close())

  const send = async (kind: 'document' | 'returnee', bytes: Buffer, type: string) => {
    const officer = await t.signIn('officer.poipet')
    return kind === 'document'
      ? officer.request('POST', examUrl, bytes, { 'content-type': type })
      : officer.request('PUT', returneeUrl, bytes, { 'content-type': type })
  }

  it.each(['document', 'returnee'] as const)(
    'refuses a %s photo of 20000×20000 pixels, and stores nothing',
    async (kind) => {
      const res = await send(kind, pngOf(20_000, 20_000), 'image/png')
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details[0]).toMatchObject({
        code: 'validation.image_too_large',
        params: { width: 20_000, height: 20_000, maxDimension: 8000 },
      })
      expect(res.json().error.details[0].message).toContain('20000×20000')
      expect(await t.store.db.selectFrom('document_photos').select('id').execute()).toHaveLength(0)
      expect(await t.store.db.selectFrom('returnee_photos').select('returnee_id').execute()).toHaveLength(0)
    },
  )

  it.each(['document', 'returnee'] as const)(
    'refuses a %s photo over the pixel count even within the side limit',
    async (kind) => {
      const res = await send(kind, jpegOf(7_999, 7_999), 'image/jpeg')
      expect(res.json().error.details[0].code).toBe('validation.image_too_large')
    },
  )

  it.each(['document', 'returnee'] as const)(
    'refuses a %s photo whose header is not a real image',
    async (kind) => {
      const res = await send(kind, Buffer.from(`89504e470d0a1a0a${'00'.repeat(40)}`, 'hex'), 'image/png')
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details[0].code).toBe('validation.not_an_image')
    },
  )

  it.each(['document', 'returnee'] as const)('keeps a %s photo of ordinary size', async (kind) => {
    const res = await send(kind, jpegOf(4000, 3000), 'image/jpeg')
    expect([200, 201, 204]).toContain(res.statusCode)
  })
})
