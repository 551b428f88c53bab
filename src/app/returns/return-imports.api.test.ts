import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import writeXlsxFile from 'write-excel-file/node'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { IMPORT_BATCH } from './import-return-list.ts'
import { countReturnees, importList, SAMPLE_CSV } from './returns.testing.ts'

const HEADER = 'list_no,family_name,given_name,sex,age,return_province,flags\n'

/** A list of `n` valid rows, numbered from 1. */
const listOf = (n: number) =>
  HEADER +
  Array.from({ length: n }, (_, i) => `${i + 1},Keo,Person ${i + 1},F,${20 + (i % 40)},Takeo,\n`).join('')

describe.each(engines())('return list imports on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('registers every row of the sample list in docs/, with its groups and derived flags', async () => {
    const officer = await t.signIn('officer.poipet')
    const { res, lines, done } = await importList(officer, { bytes: SAMPLE_CSV, listRef: 'SAMPLE-1' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('application/x-ndjson')
    expect(lines[0]).toMatchObject({ type: 'start', total: 6, processed: 0 })
    expect(done.import).toMatchObject({ state: 'done', total: 6, added: 6, rejected: 0, issues: [] })
    const rows = await t.store.db
      .selectFrom('returnees')
      .selectAll()
      .where('import_id', '=', done.import.id)
      .orderBy('list_key')
      .execute()
    const family = rows.filter((r) => r.family_latin === 'Ouch')
    expect(new Set(family.map((r) => r.group_id)).size).toBe(1)
    expect(family[0]!.group_id).not.toBeNull()
    const boy = rows.find((r) => r.given_latin === 'Borey')!
    expect(boy).toMatchObject({
      triage_flags: ['child', 'unaccompanied_child'],
      return_province: 'KH-1',
      return_type: 'g2g_list',
    })
  })

  it('reports invalid rows by row, column and code, registers the valid ones whole, and adds only the fixed rows on a corrected upload', async () => {
    const officer = await t.signIn('officer.poipet')
    const bad = `${HEADER}1,Meas,Sokha,F,31,Kampot,\n2,Meas,Dara,W,200,Atlantis,\n3,,,M,40,Kep,\n4,Meas,Vanna,M,35,Kep,medical\n`
    const before = await countReturnees(t)
    const first = await importList(officer, { bytes: bad, listRef: 'G2G-77' })
    expect(first.done.import).toMatchObject({ total: 4, added: 2, rejected: 2 })
    expect(
      first.done.import.issues.map(
        (i: { row: number; column: string; code: string }) => `${i.row}:${i.column}:${i.code}`,
      ),
    ).toEqual([
      '3:sex:invalid_sex',
      '3:return_province:unknown_province',
      '3:age:invalid_age',
      '4:null:name_required',
    ])
    expect(first.done.import.issues[0].message).not.toContain('returns.errors')
    expect(await countReturnees(t)).toBe(before + 2)
    const fixed = `${HEADER}1,Meas,Sokha,F,31,Kampot,\n2,Meas,Dara,F,20,Kampot,\n3,Meas,Rotha,M,40,Kep,\n4,Meas,Vanna,M,35,Kep,medical\n`
    const second = await importList(officer, { bytes: fixed, listRef: 'G2G-77' })
    expect(second.done.import).toMatchObject({ total: 4, added: 2, alreadyRegistered: 2, rejected: 0 })
    expect(await countReturnees(t)).toBe(before + 4)
  })

  it('returns the first report for the same file again and writes nothing more', async () => {
    const officer = await t.signIn('officer.poipet')
    const file = listOf(IMPORT_BATCH + 20)
    const first = await importList(officer, { bytes: file, listRef: 'RETRY-1' })
    const progress = first.lines.filter((l) => l.type === 'progress').map((l) => l.processed)
    expect(progress).toEqual([IMPORT_BATCH, IMPORT_BATCH + 20])
    const before = await countReturnees(t)
    const again = await importList(officer, { bytes: file, listRef: 'RETRY-1' })
    expect(again.done).toMatchObject({
      replayed: true,
      import: { id: first.done.import.id, added: IMPORT_BATCH + 20 },
    })
    expect(await countReturnees(t)).toBe(before)
    const polled = await officer.request('GET', `/api/returns/imports/${first.done.import.id}`)
    expect(polled.json()).toMatchObject({
      state: 'done',
      processed: IMPORT_BATCH + 20,
      total: IMPORT_BATCH + 20,
    })
  })

  it('reads an XLSX list, dates as spreadsheet dates included', async () => {
    const officer = await t.signIn('officer.poipet')
    const rows: string[][] = parse(SAMPLE_CSV)
    const dob = rows[0]!.indexOf('birth_date')
    const sheet = rows.map((r, i) =>
      r.map((v, j) =>
        i > 0 && j === dob && v.length === 10
          ? { value: new Date(`${v}T00:00:00Z`), format: 'yyyy-mm-dd' }
          : { value: v },
      ),
    )
    const bytes = await writeXlsxFile(sheet).toBuffer()
    const { done } = await importList(officer, { bytes, format: 'xlsx', listRef: 'XLSX-1' })
    expect(done.import).toMatchObject({ total: 6, added: 6, rejected: 0 })
    const dara = await t.store.db
      .selectFrom('returnees')
      .select('birth_date')
      .where('import_id', '=', done.import.id)
      .where('given_latin', '=', 'Dara')
      .executeTakeFirstOrThrow()
    expect(dara.birth_date).toBe('1991-04-12')
  })

  it.each([
    [
      'a file that is not a spreadsheet',
      Buffer.from('PK\u0003\u0004 broken zip'),
      'xlsx',
      'returns.errors.malformed_xlsx',
    ],
    [
      'a CSV with an unclosed quote',
      `${HEADER}1,"Keo,Dara,F,30,Takeo,\n`,
      'csv',
      'returns.errors.malformed_csv',
    ],
    ['a CSV without any name column', 'sex,age\nF,30\n', 'csv', 'returns.errors.missing_name_columns'],
    [
      'a CSV that is not UTF-8',
      Buffer.from([0x66, 0x61, 0x6d, 0x69, 0x6c, 0x79, 0x5f, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe, 0x0a]),
      'csv',
      'returns.errors.not_utf8',
    ],
    ['an empty list', HEADER, 'csv', 'returns.errors.empty_list'],
  ] as const)('refuses %s whole and changes nothing', async (_what, bytes, format, code) => {
    const officer = await t.signIn('officer.poipet')
    const before = await countReturnees(t)
    const imports = await t.store.db.selectFrom('return_imports').select('id').execute()
    const { res } = await importList(officer, { bytes: Buffer.from(bytes), format, listRef: `BAD-${code}` })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].code).toBe(code)
    expect(await countReturnees(t)).toBe(before)
    expect(await t.store.db.selectFrom('return_imports').select('id').execute()).toHaveLength(imports.length)
  })

  it('refuses an import at another post', async () => {
    const officer = await t.signIn('customs.bavet')
    const { res } = await importList(officer, { bytes: listOf(2), listRef: 'OTHER-1', post: 'LAND-POIPET' })
    expect(res.statusCode).toBe(403)
  })
})
