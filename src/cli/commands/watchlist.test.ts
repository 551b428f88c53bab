import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/run-cli.ts'

const run = runCli

describe('passage watchlist import and passage screen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passage-watchlist-'))
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL }
  beforeAll(async () => {
    process.env.DATA_DIR = join(dir, 'data')
    delete process.env.DATABASE_URL
    expect((await run('seed')).code).toBe(0)
  })
  afterAll(() => {
    Object.assign(process.env, saved)
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports a CSV file with a progress bar, then screens a spelling variant with an explanation', async () => {
    const file = join(dir, 'wanted.csv')
    writeFileSync(file, 'id,names,birth_date,category\nw-1,Chhay Sokha|ឆាយ សុខា,1990-04-12,wanted\n')
    const imported = await run('watchlist', 'import', file, '--list', 'NPC wanted', '--agency', 'NPC')
    expect(imported.code, imported.err).toBe(0)
    expect(imported.out).toMatch(/Importing wanted\.csv.*100%/)
    expect(imported.out).toMatch(/1 entries read, 1 added, 0 changed, 0 removed/)

    const hit = await run('screen', '--list', 'NPC wanted', 'Chay Sokha', '--birth-date', '1990-04-12')
    expect(hit.code, hit.err).toBe(0)
    expect(hit.out).toMatch(/Chhay Sokha\s+\[NPC wanted, NPC\]/)
    expect(hit.out).toMatch(/Same date of birth/)
    expect((await run('screen', '--list', 'NPC wanted', 'Somebody Else')).out).toMatch(/No hits/)
    const exported = await run('watchlist', 'export', '--list', 'NPC wanted')
    expect(exported.err).toBe('')
    expect(exported.out).toMatch(/^id,kind,names/)
    expect(exported.out).toContain('w-1,person,Chhay Sokha|ឆាយ សុខា,1990-04-12')
  })

  it('rejects a broken file line by line and exits 1', async () => {
    const file = join(dir, 'broken.csv')
    writeFileSync(file, 'id,names,birth_date,category\nx-1,,1990,wanted\nx-2,Name,1990,unknown\n')
    const res = await run('watchlist', 'import', file, '--list', 'NPC wanted')
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/Line 2: .*names/)
    expect(res.err).toMatch(/Line 3: .*category/)
  })

  it('refuses a header-only file that would empty the list unless --confirm-removals is given', async () => {
    const file = join(dir, 'empty.csv')
    writeFileSync(file, 'id,names,birth_date,category\n')
    const refused = await run('watchlist', 'import', file, '--list', 'NPC wanted')
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/would remove 1 of the 1 entries/)
    expect(refused.err).toMatch(/--confirm-removals/)
    expect((await run('screen', '--list', 'NPC wanted', 'Chhay Sokha')).out).toMatch(/Chhay Sokha/)
    const confirmed = await run('watchlist', 'import', file, '--list', 'NPC wanted', '--confirm-removals')
    expect(confirmed.code, confirmed.err).toBe(0)
    expect(confirmed.out).toMatch(/0 entries read, 0 added, 0 changed, 1 removed/)
    expect(confirmed.out).toMatch(/removals were confirmed/)
  })
})
