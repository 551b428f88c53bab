import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POIPET_CENTRE } from '../../app/protection/protection.testing.ts'
import { countReturnees, register, returneeBody } from '../../app/returns/returns.testing.ts'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

/** ICAO Doc 9303's own specimen: Utopia (`UTO`) is no state, in the issuing state and in the nationality. */
const SPECIMEN = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10'

interface Detail {
  path?: string
  code: string
  message: string
  field?: string
  params?: Record<string, unknown>
}

const referral = (over: Record<string, unknown>) => ({
  referral: { providerId: POIPET_CENTRE, services: ['shelter'], note: 'Held in a compound', ...over },
})

const flagged = () =>
  returneeBody({ givenLatin: 'Sreymom', sex: 'F', triageFlags: ['trafficking_indicators'] })

describe.each(engines())('refusals that name their field, on %s', (engine) => {
  let t: TestApp
  let officer: Client
  beforeAll(async () => {
    t = await createTestApp(engine)
    officer = await t.signIn('officer.poipet')
  })
  afterAll(() => t.close())

  const inspectSpecimen = async () => {
    const res = await officer.request('POST', '/api/crossings/inspect', { text: SPECIMEN })
    expect(res.statusCode).toBe(400)
    return res.json().error.details as Detail[]
  }

  it('a specimen MRZ gives one line per field, each naming its field, none twice', async () => {
    const details = await inspectSpecimen()
    expect(details.map((d) => d.field)).toEqual(['Issuing state', 'Nationality'])
    expect(details.map((d) => d.params)).toMatchObject([
      { field: 'issuingState', line: 1 },
      { field: 'nationality', line: 2 },
    ])
    const lines = details.map((d) => `${d.field}: ${d.message}`)
    expect(new Set(lines).size).toBe(lines.length)
  })

  it("the returnee referral's refusal names the reason field, and registers nobody", async () => {
    const before = await countReturnees(t)
    const res = await register(officer, flagged(), referral({ note: ' ' }))
    expect(res.statusCode).toBe(400)
    const details = res.json().error.details as Detail[]
    expect(details).toEqual([expect.objectContaining({ path: 'body.referral.note', field: 'Reason' })])
    expect(await countReturnees(t)).toBe(before)
  })

  it('an identification answer is named by its question, never by its internal id', async () => {
    const res = await register(officer, flagged(), referral({ answers: { appearsUnder18: 'perhaps' } }))
    expect(res.statusCode).toBe(422)
    const [detail] = res.json().error.details as Detail[]
    expect(detail!.field).toBe('If the age is not known: could the person be under 18?')
    expect(`${detail!.field} ${detail!.message}`).not.toMatch(/appearsUnder18/)
  })

  it('names the fields in Khmer for a Khmer user', async () => {
    expect((await officer.request('PUT', '/api/auth/locale', { locale: 'km' })).statusCode).toBe(200)
    try {
      const details = await inspectSpecimen()
      expect(details.map((d) => d.field)).toEqual(['រដ្ឋចេញឯកសារ', 'សញ្ជាតិ'])
      const res = await register(officer, flagged(), referral({ services: [] }))
      const [detail] = res.json().error.details as Detail[]
      expect(detail).toMatchObject({ path: 'body.referral.services', field: 'សេវា' })
    } finally {
      await officer.request('PUT', '/api/auth/locale', { locale: 'en' })
    }
  })

  it('a detail about no one field carries no field name', async () => {
    const res = await officer.request('POST', '/api/crossings/inspect', { text: 'P<' })
    expect(res.statusCode).toBe(400)
    const details = res.json().error.details as Detail[]
    expect(details.length).toBeGreaterThan(0)
    for (const d of details.filter((x) => x.code === 'documents.mrz.line_count'))
      expect(d.field).toBeUndefined()
  })
})
