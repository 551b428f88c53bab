import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aggregate } from '../../domain/statistics/aggregate.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import type { StatisticsResult } from './statistics.contract.ts'
import { type CrossingFact, insertCrossings, POSTS, REASONS, recordOf } from './statistics.testing.ts'

const SEXES = ['F', 'M', null] as const
const NATIONALITIES = ['THA', 'VNM', 'CHN', null] as const

/** A deterministic spread over three posts and two months, with some groups far below the threshold. */
function traffic(): CrossingFact[] {
  const facts: CrossingFact[] = []
  for (let i = 0; i < 400; i++) {
    const post = POSTS[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0]
    facts.push({
      day: `2025-0${3 + (i % 2)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      post,
      direction: i % 5 === 0 ? 'exit' : 'entry',
      decision: i % 41 === 0 ? 'refuse' : i % 37 === 0 ? 'refer_secondary' : 'admit',
      refusalReason: REASONS[i % 3],
      purpose: i % 4 === 0 ? 'business' : 'tourism',
      sex: SEXES[i % 3],
      birthDate: i % 11 === 0 ? null : `${1950 + (i % 60)}-0${1 + (i % 9)}-15`,
      nationality: NATIONALITIES[i % 4],
    })
  }
  return facts
}

function cellsWithout(result: StatisticsResult, dimension: string) {
  return result.cells.filter((c) => c.key[dimension] !== '*')
}

describe.each(engines())('statistics API on %s', (engine) => {
  let t: TestApp
  const facts = traffic()
  const query = (dimensions: string[], over: Record<string, unknown> = {}) => ({
    measure: 'travellers',
    dimensions,
    from: '2025-03-01',
    to: '2025-04-30',
    ...over,
  })

  beforeAll(async () => {
    t = await createTestApp(engine)
    await insertCrossings(t.store.db, facts)
  })
  afterAll(() => t.close())

  it('gives an analyst exact counts equal to a brute-force count of the same crossings', async () => {
    const analyst = await t.signIn('analyst')
    // Whole months read the month rollups; a range cut mid-month reads the daily ones.
    for (const [from, to, dimensions] of (
      [
        ['2025-03-01', '2025-04-30'],
        ['2025-03-05', '2025-04-20'],
      ] as const
    ).flatMap(([from, to]) =>
      [
        ['post', 'sex'],
        ['period:month', 'ageBand'],
        ['nationality', 'outcome', 'direction'],
        ['period:week', 'travelPurpose'],
        ['period:quarter', 'refusalReason'],
        ['period:day', 'documentType'],
        ['period:year', 'sex', 'ageBand', 'post'],
      ].map((dimensions) => [from, to, dimensions] as const),
    )) {
      const res = await analyst.request('POST', '/api/statistics/query', query([...dimensions], { from, to }))
      expect(res.statusCode).toBe(200)
      const body = res.json() as StatisticsResult
      expect([body.from, body.to]).toEqual([from, to])
      const counted = facts.filter((f) => f.decision !== 'refer_secondary' && f.day >= from && f.day <= to)
      const expected = aggregate(counted.map(recordOf), { dimensions })
      if (!expected.ok) throw new Error(expected.error.code)
      const interior = body.cells.filter((c) => dimensions.every((d) => c.key[d] !== '*'))
      const nonZero = interior.filter((c) => c.value !== 0)
      expect(nonZero.map((c) => ({ key: c.key, count: c.value }))).toEqual(
        expect.arrayContaining(expected.value.cells.map((c) => ({ key: c.key, count: c.count }))),
      )
      expect(nonZero).toHaveLength(expected.value.cells.length)
      const total = body.cells.find((c) => dimensions.every((d) => c.key[d] === '*'))
      expect(total?.value).toBe(expected.value.total)
      expect(body.disclosure.threshold).toBeNull()
    }
  })

  it('counts refusals by reason as the refusal reasons indicator', async () => {
    const analyst = await t.signIn('analyst')
    const res = await analyst.request(
      'GET',
      '/api/statistics/indicators/refusals-by-reason?from=2025-03-01&to=2025-04-30',
    )
    expect(res.statusCode).toBe(200)
    const refused = facts.filter((f) => f.decision === 'refuse')
    for (const reason of REASONS) {
      const cell = res
        .json()
        .cells.find((c: { key: Record<string, string> }) => c.key.refusalReason === reason)
      expect(cell?.value ?? 0).toBe(refused.filter((f) => f.refusalReason === reason).length)
    }
    expect(res.json().labels.refusalReason.no_valid_visa).toBe('No valid visa or residence permit')
  })

  it('withholds small cells from a post chief and shows exactly the national table’s slice for the post', async () => {
    const chief = await t.signIn('chief.poipet')
    const res = await chief.request('POST', '/api/statistics/query', query(['nationality', 'sex']))
    expect(res.statusCode).toBe(200)
    const mine = res.json() as StatisticsResult
    expect(mine.disclosure.threshold).toBe(10)
    expect(mine.cells.every((c) => c.value === null || c.value === 0 || c.value >= 10)).toBe(true)
    expect(mine.cells.filter((c) => c.value === null).every((c) => c.status !== 'published')).toBe(true)

    const manager = await t.signIn('casemanager')
    const national = await manager.request(
      'POST',
      '/api/statistics/query',
      query(['post', 'nationality', 'sex']),
    )
    const slice = (national.json() as StatisticsResult).cells
      .filter((c) => c.key.post === 'LAND-POIPET')
      .map((c) => ({
        key: { nationality: c.key.nationality, sex: c.key.sex },
        value: c.value,
        status: c.status,
      }))
    expect(mine.cells).toEqual(expect.arrayContaining(slice))
    expect(mine.cells).toHaveLength(slice.length)
  })

  it('keeps a post chief to their own post', async () => {
    const chief = await t.signIn('chief.poipet')
    const res = await chief.request(
      'POST',
      '/api/statistics/query',
      query(['sex'], { filters: { post: ['LAND-BAVET'] } }),
    )
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details[0].code).toBe('statistics.errors.postOutsideScope')
    const bySex = await chief.request('POST', '/api/statistics/query', query(['post']))
    expect((bySex.json() as StatisticsResult).cells.map((c) => c.key.post)).toEqual(['LAND-POIPET'])
  })

  it('gives an analyst exact counts where a case manager sees them withheld', async () => {
    const analyst = await t.signIn('analyst')
    const manager = await t.signIn('casemanager')
    const body = query(['post', 'outcome'])
    const exact = (await analyst.request('POST', '/api/statistics/query', body)).json() as StatisticsResult
    const controlled = (
      await manager.request('POST', '/api/statistics/query', body)
    ).json() as StatisticsResult
    const small = cellsWithout(exact, 'post').filter((c) => c.value !== null && c.value > 0 && c.value < 10)
    expect(small.length).toBeGreaterThan(0)
    const threshold = controlled.disclosure.threshold ?? 1
    // Cell-key perturbation (its record keys hash a secret drawn per database) judges the perturbed value: a small
    // count is withheld, or moved to a published 0 or to the threshold or more; never shown as 1 … threshold − 1.
    for (const cell of small) {
      const seen = controlled.cells.find((c) => JSON.stringify(c.key) === JSON.stringify(cell.key))!
      if (seen.value === null) expect(seen.status).toBe('primary')
      else expect(seen.value === 0 || seen.value >= threshold, JSON.stringify(seen)).toBe(true)
    }
  })

  it('refuses a set of values and a filter that isolates a small group, without the number', async () => {
    const manager = await t.signIn('casemanager')
    const set = await manager.request(
      'POST',
      '/api/statistics/query',
      query(['sex'], { filters: { post: ['LAND-POIPET', 'LAND-BAVET'] } }),
    )
    expect(set.statusCode).toBe(422)
    expect(set.json().error.details[0].code).toBe('statistics.errors.filterNotSingle')

    const refusedAtTecho = facts.filter((f) => f.post === 'AIR-TECHO' && f.decision === 'refuse').length
    expect(refusedAtTecho).toBeGreaterThan(0)
    expect(refusedAtTecho).toBeLessThan(10)
    const small = await manager.request(
      'POST',
      '/api/statistics/query',
      query(['sex'], { filters: { post: ['AIR-TECHO'], outcome: ['refuse'] } }),
    )
    // The group's size is judged on its perturbed value: it is refused, or perturbed to a published 0.
    if (small.statusCode === 422) {
      expect(small.json().error.details[0].code).toBe('statistics.errors.filterIsolatesSmallGroup')
    } else {
      expect(small.statusCode).toBe(200)
      const values = (small.json() as StatisticsResult).cells.map((c) => c.value)
      expect(values.every((v) => v === 0 || v === null)).toBe(true)
    }
    expect(small.body).not.toContain(`"value":${refusedAtTecho}`)
  })

  it('names bad input in the reader’s language', async () => {
    await t.store.db.updateTable('users').set({ locale: 'km' }).where('username', '=', 'iom.staff').execute()
    const analyst = await t.signIn('iom.staff')
    const cases: [Record<string, unknown>, string][] = [
      [query(['religion']), 'statistics.errors.unknownDimension'],
      [query(['sex'], { from: '2025-02-30' }), 'statistics.errors.invalidDate'],
      [query(['sex', 'post', 'direction', 'outcome', 'nationality']), 'statistics.errors.tooManyDimensions'],
      [query(['sex'], { measure: 'weather' }), 'statistics.errors.unknownMeasure'],
      [query(['period:fortnight']), 'statistics.errors.invalidPeriodUnit'],
      [query(['vulnerabilityType']), 'statistics.errors.dimensionNotAvailable'],
      [query(['sex'], { from: '2025-05-01', to: '2025-04-01' }), 'statistics.errors.periodRangeReversed'],
    ]
    for (const [body, code] of cases) {
      const res = await analyst.request('POST', '/api/statistics/query', body)
      expect(res.statusCode, code).toBe(400)
      expect(res.json().error.code).toBe('validation_failed')
      expect(res.json().error.details[0].code).toBe(code)
      expect(res.json().error.details[0].message).toMatch(/[\u1780-\u17FF]/)
    }
  })

  it('widens a disclosure-controlled range to whole months, so days cannot be subtracted', async () => {
    const manager = await t.signIn('casemanager')
    const res = await manager.request(
      'POST',
      '/api/statistics/query',
      query(['sex'], { from: '2025-03-05', to: '2025-04-20' }),
    )
    expect([res.json().from, res.json().to]).toEqual(['2025-03-01', '2025-04-30'])
  })

  it('refuses a disclosure-controlled table too large to protect', async () => {
    const manager = await t.signIn('casemanager')
    const res = await manager.request(
      'POST',
      '/api/statistics/query',
      query(['period:day', 'nationality', 'ageBand', 'post'], { from: '2025-01-01', to: '2025-12-31' }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].code).toBe('statistics.errors.tableTooLarge')
  })

  it('refuses readers without statistics access', async () => {
    const officer = await t.signIn('officer.poipet')
    const res = await officer.request('POST', '/api/statistics/query', query(['sex']))
    expect(res.statusCode).toBe(403)
  })

  it('lists measures, dimensions, indicators and the reader’s threshold in the catalog', async () => {
    const chief = await t.signIn('chief.poipet')
    const res = await chief.request('GET', '/api/statistics/catalog')
    expect(res.statusCode).toBe(200)
    const catalog = res.json()
    expect(catalog.suppressionThreshold).toBe(10)
    expect(catalog.dimensions.find((d: { id: string }) => d.id === 'post').values).toEqual([
      { code: 'LAND-POIPET', label: expect.any(String) },
    ])
    expect(catalog.indicators.map((i: { id: string }) => i.id)).toContain('sdg-16-2-2')
    const analyst = await t.signIn('analyst')
    expect((await analyst.request('GET', '/api/statistics/catalog')).json().suppressionThreshold).toBeNull()
  })
})
