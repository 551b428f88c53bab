import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commentBomb, spacesBomb, xlsxRows } from '../../test/hostile-files.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { countReturnees, importList } from './returns.testing.ts'

const MiB = 1024 * 1024
const HEADER = 'list_no,family_name,given_name,sex,age,return_province,flags\n'
const csvOf = (n: number) =>
  HEADER + Array.from({ length: n }, (_, i) => `${i + 1},Keo,Person ${i + 1},F,30,Takeo,\n`).join('')

/** Limits small enough that each hostile file meets one of them quickly. */
const LIMITS = {
  RETURN_LIST_MAX_ROWS: '50',
  IMPORT_MAX_INFLATED_BYTES: String(4 * MiB),
  IMPORT_MAX_LINE_CHARS: String(64 * 1024),
}

describe.each(engines())('return list import limits on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine, LIMITS)
  })
  afterAll(() => t.close())

  async function refused(bytes: Buffer | string, format: 'csv' | 'xlsx', code: string, ref: string) {
    const officer = await t.signIn('officer.poipet')
    const before = await countReturnees(t)
    const imports = await t.store.db.selectFrom('return_imports').select('id').execute()
    const { res } = await importList(officer, { bytes, format, listRef: ref })
    expect(res.statusCode).toBe(400)
    const detail = res.json().error.details[0]
    expect(detail.code).toBe(code)
    expect(detail.message).not.toContain('returns.errors')
    expect(await countReturnees(t)).toBe(before)
    expect(await t.store.db.selectFrom('return_imports').select('id').execute()).toHaveLength(imports.length)
    return detail
  }

  it('refuses the issue’s workbook (a header, then a run of spaces) at the first long run', async () => {
    const bomb = spacesBomb(16)
    expect(bomb.length).toBeLessThan(30_000)
    const detail = await refused(bomb, 'xlsx', 'returns.errors.line_too_long', 'BOMB-1')
    expect(detail.params).toMatchObject({ max: 64 * 1024 })
  })

  it('keeps answering /api/health while a zip bomb is inflated and refused', async () => {
    const officer = await t.signIn('officer.poipet')
    // 16 MiB of empty elements: no long run, so the worker inflates and parses up to the 4 MiB cap.
    const bomb = commentBomb(16)
    const order: string[] = []
    const upload = importList(officer, { bytes: bomb, format: 'xlsx', listRef: 'BOMB-H' }).then((r) => {
      order.push('import')
      return r
    })
    // Health checks issued one after another while the workbook is being read: every one answers before it.
    for (let i = 0; i < 10; i++) {
      const health = await t.anonymous.request('GET', '/api/health')
      expect(health.statusCode).toBe(200)
      order.push('health')
    }
    const { res } = await upload
    expect(order).toEqual([...Array(10).fill('health'), 'import'])
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].code).toBe('returns.errors.too_large_inflated')
  })

  it('stops inflating a zip bomb at the inflated-bytes limit', async () => {
    const detail = await refused(commentBomb(16), 'xlsx', 'returns.errors.too_large_inflated', 'BOMB-2')
    expect(detail.params).toMatchObject({ max: 4 * MiB })
  })

  it.each([
    ['a CSV with more rows than the limit', csvOf(51), 'csv'],
    ['a workbook with more rows than the limit', xlsxRows(51), 'xlsx'],
    ['a workbook whose one row claims to be row 1,048,576', xlsxRows(1, 1_048_576), 'xlsx'],
  ] as const)('refuses %s', async (_what, bytes, format) => {
    await refused(bytes, format, 'returns.errors.too_many_rows', `ROWS-${format}-${bytes.length}`)
  })

  it('refuses a CSV whose one line is longer than the limit, before reading it whole', async () => {
    const line = `${HEADER.trim()},${'x'.repeat(2 * MiB)}\n1,Keo,Dara,F,30,Takeo,\n`
    await refused(line, 'csv', 'returns.errors.line_too_long', 'LONG-1')
  })

  it('refuses a 100 MB single-line CSV at the upload limit', async () => {
    const officer = await t.signIn('officer.poipet')
    const { res } = await importList(officer, { bytes: Buffer.alloc(100 * MiB, 0x61), listRef: 'HUGE-1' })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('body_too_large')
  })

  it.each([
    ['a truncated workbook', xlsxRows(20).subarray(0, 900), 'xlsx', 'returns.errors.malformed_xlsx'],
    [
      'a zip with no workbook in it',
      Buffer.from('PK\u0005\u0006'.padEnd(22, '\u0000')),
      'xlsx',
      'returns.errors.malformed_xlsx',
    ],
    ['an empty workbook file', Buffer.alloc(0), 'xlsx', 'returns.errors.malformed_xlsx'],
    ['an empty CSV file', Buffer.alloc(0), 'csv', 'returns.errors.empty_list'],
  ] as const)('refuses %s', async (_what, bytes, format, code) => {
    await refused(Buffer.from(bytes), format, code, `BROKEN-${format}-${bytes.length}`)
  })

  it('still imports a list within the limits, read from a streamed workbook', async () => {
    const officer = await t.signIn('officer.poipet')
    const { done } = await importList(officer, { bytes: xlsxRows(50), format: 'xlsx', listRef: 'OK-50' })
    expect(done.import).toMatchObject({ total: 50, added: 50, rejected: 0 })
  })
})

describe.each(engines())('a large valid return list on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('lets other requests in between its batches of writes', async () => {
    const officer = await t.signIn('officer.poipet')
    const rows = 3_000 // 12 batches
    let done = false
    const upload = importList(officer, { bytes: csvOf(rows), format: 'csv', listRef: 'BIG-1' }).then((r) => {
      done = true
      return r
    })
    // Health checks one after another until the import ends; some must answer while rows are still being written.
    const seen: number[] = []
    while (!done) {
      const health = await t.anonymous.request('GET', '/api/health')
      expect(health.statusCode).toBe(200)
      if (!done) seen.push(await countReturnees(t))
      // Paced, to stay under the per-address rate limit; nothing here measures time.
      await new Promise((r) => setTimeout(r, 100))
    }
    const { res } = await upload
    expect(res.statusCode).toBe(200)
    const total = await countReturnees(t)
    expect(seen.some((n) => n > total - rows && n < total)).toBe(true)
  })
})
