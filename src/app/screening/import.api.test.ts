import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureFile } from '../../test/fixtures.ts'
import type { Client } from '../../test/test-app.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { createList, screen } from './screening.testing.ts'

const upload = (c: Client, listId: string, format: string, body: string | Buffer, type = 'text/csv') =>
  c.request('POST', `/api/watchlists/${listId}/import?format=${format}&fileName=test`, body, {
    'content-type': type,
  })

const HEADER =
  'id,kind,names,birth_date,nationality,sex,category,issuing_state,document_number,document_status,review_date'
const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`

describe.each(engines())('watchlist imports on %s', (engine) => {
  let t: TestApp
  let investigator: Client
  beforeAll(async () => {
    t = await createTestApp(engine)
    investigator = await t.signIn('investigator')
  })
  afterAll(() => t.close())

  it('imports the UN Security Council list and re-imports it in place', async () => {
    const list = await createList(investigator, { name: 'UN Security Council', kind: 'persons' })
    const xml = readFileSync(fixtureFile('un-sc-consolidated-list.xml'))
    const first = await upload(investigator, list.id, 'un-xml', xml, 'application/xml')
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ read: 730, added: 730, changed: 0, removed: 0, skipped: 273 })
    const again = await upload(investigator, list.id, 'un-xml', xml, 'application/xml')
    expect(again.json()).toMatchObject({
      added: 0,
      changed: 0,
      removed: 0,
      unchanged: 730,
      version: first.json().version + 1,
    })
    const officer = await t.signIn('officer.poipet')
    const hit = await screen(officer, { person: { name: 'Saddam Hussein al-Tikriti' }, listId: list.id })
    expect(hit.hits[0]?.entry.names).toContain('صدام حسين التكريتي')
  })

  it('imports a CSV list and reports added, changed and removed on re-import', async () => {
    const list = await createList(investigator)
    const v1 = csv(
      'w-1,person,Chhay Sokha|ឆាយ សុខា,1990-04-12,KHM,F,suspected_trafficker,,,,2020-01-01',
      'w-2,person,Nguyen Van Duc,1979,VNM,M,wanted,,,,',
      'd-1,document,,,,,,KHM,N01234567,stolen,',
    )
    const first = await upload(investigator, list.id, 'csv', v1)
    expect(first.json()).toMatchObject({ read: 3, added: 3, changed: 0, removed: 0 })
    const v2 = csv(
      'w-1,person,Chhay Sokha|ឆាយ សុខា|Chay Sokhar,1990-04-12,KHM,F,suspected_trafficker,,,,2020-01-01',
      'w-3,person,Sok Pisey,1995-02,KHM,F,missing_person,,,,',
      'd-1,document,,,,,,KHM,N01234567,stolen,',
    )
    const second = await upload(investigator, list.id, 'csv', v2)
    expect(second.json()).toMatchObject({ read: 3, added: 1, changed: 1, removed: 1, unchanged: 1 })
    const officer = await t.signIn('officer.poipet')
    expect(
      (await screen(officer, { person: { name: 'Nguyen Van Duc' }, listId: list.id })).hits,
    ).toHaveLength(0)
    expect((await screen(officer, { person: { name: 'Chay Sokhar' }, listId: list.id })).hits).toHaveLength(1)
    const versions = await t.store.db
      .selectFrom('watchlist_versions')
      .selectAll()
      .where('list_id', '=', list.id)
      .orderBy('version')
      .execute()
    expect(versions.map((v) => [v.added, v.changed, v.removed])).toEqual([
      [3, 0, 0],
      [1, 1, 1],
    ])
    const exported = await investigator.request('GET', `/api/watchlists/${list.id}/export.csv`)
    expect(exported.headers['content-type']).toMatch(/^text\/csv/)
    expect(exported.body).toContain('Chhay Sokha|ឆាយ សុខា|Chay Sokhar')
    const copy = await createList(investigator)
    expect((await upload(investigator, copy.id, 'csv', exported.body)).json()).toMatchObject({ added: 3 })
    expect((await upload(investigator, list.id, 'csv', exported.body)).json()).toMatchObject({
      unchanged: 3,
      changed: 0,
    })
  })

  it('rejects a broken file line by line and changes nothing', async () => {
    const list = await createList(investigator)
    const count = async () =>
      (await t.store.db.selectFrom('watchlist_persons').select('id').where('list_id', '=', list.id).execute())
        .length
    const bad = csv(
      'b-1,person,Good Name,1990,KHM,F,wanted,,,,',
      'b-2,person,,1990,KHM,F,wanted,,,,',
      'b-3,person,Another Name,1990-13-45,KHM,F,nonsense,,,,',
      'b-1,person,Good Name Again,1990,KHM,F,wanted,,,,',
      'b-4,person,"unclosed,1990',
    )
    const res = await upload(investigator, list.id, 'csv', bad)
    expect(res.statusCode).toBe(422)
    const lines = res.json().error.details.map((d: { path: string }) => d.path)
    expect(lines).toEqual(expect.arrayContaining(['line.3', 'line.4']))
    expect(res.json().error.details[0].message).toMatch(/^Line \d+/)
    expect(await count()).toBe(0)

    const missing = await upload(investigator, list.id, 'csv', 'name,birth_date\nA,1990\n')
    expect(missing.json().error.details[0]).toMatchObject({ path: 'line.1', code: 'import.unknown_column' })
    const encoding = Buffer.concat([
      Buffer.from(`${HEADER}\nx-1,person,Sok`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(',1990,,,,,,,,\n'),
    ])
    const badEncoding = await upload(investigator, list.id, 'csv', encoding)
    expect(badEncoding.json().error.details[0]).toMatchObject({ path: 'line.2', code: 'import.bad_encoding' })
    const xml = readFileSync(fixtureFile('un-sc-consolidated-list.xml')).subarray(0, 50_000)
    const broken = await upload(
      investigator,
      list.id,
      'un-xml',
      Buffer.concat([xml, Buffer.from('<<oops')]),
      'application/xml',
    )
    expect(broken.json().error.details.at(-1).code).toBe('import.broken_xml')
    expect(await count()).toBe(0)
  })

  it('imports the Person entities of a FollowTheMoney file and skips companies, sanctions, addresses', async () => {
    const list = await createList(investigator, { kind: 'persons' })
    const ftm = readFileSync(fixtureFile('passage-sample.ftm.jsonl'))
    const res = await upload(investigator, list.id, 'ftm', ftm, 'application/x-ndjson')
    expect(res.json()).toMatchObject({ read: 6, added: 6, skipped: 6 })
    const officer = await t.signIn('officer.poipet')
    const hit = await screen(officer, {
      person: { name: 'Елена Осипова', birthDate: '1988-01-07' },
      listId: list.id,
    })
    expect(hit.hits[0]?.entry.names).toContain('Elena Sergeevna OSIPOVA')
  })
})
