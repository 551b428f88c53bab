import { parse } from 'csv-parse/sync'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkKAnonymity } from '../../domain/protection/k-anonymity.ts'
import { validateHxlRow } from '../../domain/statistics/hxl.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { seedTraffic } from '../crossings/seed-traffic.ts'
import { MICRODATA_QUASI_IDENTIFIERS } from './export-microdata.ts'
import { outlineTitles } from './report-outline.testing.ts'

// Synthetic traffic over last year: seedTraffic spreads `years` of movements from 1 January.
const year = new Date().getUTCFullYear() - 1
const from = `${year}-01-01`
const to = `${year}-12-31`
const table = `measure=travellers&dimensions=period:month,sex&from=${from}&to=${to}`

describe.each(engines())('statistics exports on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
    await seedTraffic({ db: t.store.db, crossings: 4000, seed: 3, years: 1 })
  }, 120_000)
  afterAll(() => t.close())

  const audits = (resource: string) =>
    t.store.db
      .selectFrom('audit_log')
      .select(['actor_username', 'details'])
      .where('action', '=', 'export')
      .where('resource', '=', resource)
      .orderBy('seq')
      .execute()

  it('exports a CSV with the HXL row under the headings, suppressed, named by date, and audited', async () => {
    const analyst = await t.signIn('analyst')
    const res = await analyst.request('GET', `/api/statistics/export?format=csv&${table}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`passage-travellers-${from}-to-${to}-\\d{4}-\\d{2}-\\d{2}\\.csv`),
    )
    const [headings = [], hashtags = [], ...data]: string[][] = parse(res.rawPayload, { bom: true })
    expect(validateHxlRow(hashtags, headings.length).ok).toBe(true)
    expect(hashtags[0]).toBe('#date')
    expect(data).toHaveLength(12)
    const counts = data
      .flatMap((r) => r.slice(1))
      .filter((v) => v !== '')
      .map(Number)
    expect(counts.every((n) => n === 0 || n >= 10)).toBe(true)
    const [entry] = (await audits('statistics')).slice(-1)
    expect(entry).toMatchObject({
      actor_username: 'analyst',
      details: {
        format: 'csv',
        query: { measure: 'travellers', dimensions: ['period:month', 'sex'] },
        threshold: 10,
      },
    })
    expect(entry?.details).toHaveProperty('suppressedCells', expect.any(Number))
  })

  it('exports XLSX in the reader’s language with a notes sheet, and JSON with its disclosure metadata', async () => {
    const analyst = await t.signIn('analyst')
    expect((await analyst.request('PUT', '/api/auth/locale', { locale: 'km' })).statusCode).toBe(200)
    const xlsx = await analyst.request('GET', `/api/statistics/export?format=xlsx&${table}`)
    await analyst.request('PUT', '/api/auth/locale', { locale: 'en' })
    expect(xlsx.statusCode).toBe(200)
    const sheets = await readXlsxFile(xlsx.rawPayload)
    expect(sheets.map((s) => s.sheet)).toEqual(['ទិន្នន័យ', 'កំណត់សម្គាល់'])
    const [headings = [], hashtags = []] = sheets[0]?.data ?? []
    expect(headings[0]).toBe('រយៈពេល')
    expect(validateHxlRow(hashtags.map(String), headings.length).ok).toBe(true)

    const json = await analyst.request('POST', '/api/statistics/export?format=json', {
      measure: 'travellers',
      dimensions: ['direction'],
      from,
      to,
    })
    expect(json.statusCode).toBe(200)
    const body = json.json()
    expect(body).toMatchObject({ measure: 'travellers', disclosure: { threshold: 10 }, privacy: null })
    expect(
      body.cells.every((c: { value: number | null }) => c.value === null || c.value === 0 || c.value >= 10),
    ).toBe(true)

    // Rare nationalities by quarter are small numbers: withheld; the margins are perturbed by their own keys,
    // so subtraction gives no exact value (differencing.property.test.ts plays that attacker).
    const crossTable = await analyst.request(
      'GET',
      `/api/statistics/export?format=json&measure=travellers&dimensions=period:quarter,nationality&from=${from}&to=${to}`,
    )
    const { cells, dimensions } = crossTable.json() as {
      cells: { key: Record<string, string>; value: number | null }[]
      dimensions: string[]
    }
    expect(cells.some((c) => c.value === null)).toBe(true)
    expect(cells.some((c) => c.value !== null && c.value > 0)).toBe(true)
    expect(dimensions).toEqual(['period:quarter', 'nationality'])
    expect(cells.filter((c) => c.value !== null && c.value > 0 && c.value < 10)).toEqual([])
  })

  it('spends a release’s privacy budget and refuses the export that would exceed it', async () => {
    const analyst = await t.signIn('analyst')
    const body = (epsilon: number) => ({
      measure: 'travellers',
      dimensions: ['period:month'],
      from,
      to,
      privacy: { mechanism: 'laplace', epsilon, release: `bulletin-${year}` },
    })
    const first = await analyst.request('POST', '/api/statistics/export?format=json', body(0.6))
    expect(first.statusCode).toBe(200)
    expect(first.json().privacy).toEqual({
      mechanism: 'laplace',
      epsilon: 0.6,
      delta: 0,
      release: `bulletin-${year}`,
      remainingEpsilon: expect.closeTo(0.4, 9),
    })
    const second = await analyst.request('POST', '/api/statistics/export?format=csv', body(0.6))
    expect(second.statusCode).toBe(422)
    expect(second.json().error.details[0]).toMatchObject({
      code: 'exports.errors.budgetExceeded',
      params: { release: `bulletin-${year}`, requestedEpsilon: 0.6 },
    })
    const release = await t.store.db.selectFrom('statistics_releases').selectAll().executeTakeFirstOrThrow()
    expect(release).toMatchObject({ spent_epsilon: 0.6, exports: 1 })
    const privacyAudits = (await audits('statistics')).filter(
      (a) => (a.details as { privacy: unknown }).privacy,
    )
    expect(privacyAudits).toHaveLength(1)

    // A noisy table has a cell for every value a dimension can take: no row appears only because someone is in it.
    const bySex = await analyst.request('POST', '/api/statistics/export?format=json', {
      ...body(0.5),
      dimensions: ['sex'],
      privacy: { mechanism: 'gaussian', epsilon: 0.5, delta: 1e-7, release: `hdx-${year}` },
    })
    expect(bySex.statusCode).toBe(200)
    const sexes = bySex.json().cells.map((c: { key: { sex: string } }) => c.key.sex)
    expect(sexes).toEqual(expect.arrayContaining(['F', 'M', 'X', 'unknown', '*']))
  })

  it('refuses exports to readers without the grant, and bad input with a stable code', async () => {
    const officer = await t.signIn('officer.poipet')
    expect((await officer.request('GET', `/api/statistics/export?format=csv&${table}`)).statusCode).toBe(403)
    const analyst = await t.signIn('analyst')
    const unknown = await analyst.request(
      'GET',
      `/api/statistics/export?measure=travellers&dimensions=shoeSize&from=${from}&to=${to}`,
    )
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details[0].code).toBe('statistics.errors.unknownDimension')
  })

  it('generates the monthly report as a PDF with every section, in Khmer, and audits it', async () => {
    const analyst = await t.signIn('analyst')
    const res = await analyst.request('GET', `/api/statistics/reports/monthly?month=${year}-10&lang=km`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(outlineTitles(res.rawPayload)).toEqual([
      'សេចក្តីសង្ខេប',
      'ការឆ្លងកាត់តាមខែ និងទិសដៅ',
      'ការឆ្លងកាត់តាមច្រកព្រំដែន',
      'អ្នកធ្វើដំណើរតាមសញ្ជាតិ និងភេទ',
      'ការបដិសេធមិនឱ្យចូលតាមមូលហេតុ',
      'អ្នកវិលត្រឡប់តាមខេត្តវិលត្រឡប់',
      'សូចនាករការពារ (SDG 16.2.2)',
      'កំណត់សម្គាល់អំពីការគ្រប់គ្រងការបង្ហាញទិន្នន័យ',
    ])
    const [entry] = (await audits('statistics')).slice(-1)
    expect(entry?.details).toMatchObject({ report: 'monthly', month: `${year}-10`, locale: 'km' })

    const poipet = await analyst.request(
      'GET',
      `/api/statistics/reports/monthly?month=${year}-10&post=LAND-POIPET&lang=en`,
    )
    expect(poipet.statusCode).toBe(200)
    expect(outlineTitles(poipet.rawPayload)[0]).toBe('Summary')
    const nowhere = await analyst.request(
      'GET',
      `/api/statistics/reports/monthly?month=${year}-10&post=NOWHERE`,
    )
    expect(nowhere.statusCode).toBe(400)
    expect(nowhere.json().error.details[0]).toMatchObject({
      path: 'query.post',
      code: 'statistics.errors.unknownFilterValue',
    })
    expect(
      (await analyst.request('GET', `/api/statistics/reports/monthly?month=${year}-13`)).statusCode,
    ).toBe(400)
  })

  it('exports crossing records only k-anonymous, and only to readers of microdata', async () => {
    const analyst = await t.signIn('analyst')
    const res = await analyst.request(
      'GET',
      `/api/statistics/microdata/crossings?from=${from}&to=${to}&format=json`,
    )
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.k).toBe(11)
    expect(body.rows.length + body.withheld).toBe(body.records)
    expect(checkKAnonymity(body.rows, [...MICRODATA_QUASI_IDENTIFIERS], 11)).toMatchObject({
      ok: true,
      value: { satisfied: true },
    })
    const [entry] = await audits('statistics_microdata')
    expect(entry?.details).toMatchObject({ source: 'crossings', k: 11, records: body.records })
    const caseManager = await t.signIn('casemanager')
    const denied = await caseManager.request(
      'GET',
      `/api/statistics/microdata/crossings?from=${from}&to=${to}`,
    )
    expect(denied.statusCode).toBe(403)
  })
})
