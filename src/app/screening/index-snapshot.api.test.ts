import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NAME_KEY_VERSION } from '../../domain/screening/index.ts'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FILE } from './index-snapshot.ts'
import { addPerson, createList, person } from './screening.testing.ts'
import { ScreeningIndex, screeningIndexFor } from './screening-index.ts'

const NAMES = [
  ['CHHAY Sokha', 'ឆាយ សុខា'],
  ['SOK Dara'],
  ['SOK Dara', 'SOK Darah'],
  ['NGUYEN Van An'],
  ['Nguyễn Thị Lan'],
  ['KEO Sreymom', 'កែវ ស្រីមុំ'],
  ['MUELLER Hans', 'MÜLLER Hans'],
  ['Ivanov Sergei'],
  ['Иванов Сергей'],
  ['LIM Bopha'],
  ['PHAN Chanthou', 'ផាន់ ចាន់ធូ'],
  ['TAN Wei Ming'],
]

const QUERIES = [
  'CHHAY Sokha',
  'Chay Sokhar',
  'ឆាយ សុខា',
  'Sok Dara',
  'Sok Daraa',
  'Nguyen Van Anh',
  'Nguyen Thi Lan',
  'Keo Sreymom',
  'Muller Hans',
  'Sergei Ivanov',
  'Lim Bopa',
  'Phan Chanthou',
  'Tan Weiming',
  'Someone Else Entirely',
]

/** Every query's hits, in full (ids, scores, explanations), and every entry's list, from one index. */
function answers(index: ScreeningIndex, ids: string[]) {
  return {
    hits: QUERIES.map((name) => index.names.search({ name, birthDate: '1990-04-12' }, { limit: 10 })),
    lists: ids.map((id) => index.listOf(id) ?? null),
    size: index.size,
  }
}

async function started(dir: string | undefined, db: TestApp['store']['db'], logs: string[] = []) {
  const index = new ScreeningIndex({ snapshotDir: dir, log: (m) => logs.push(m) })
  await index.refresh(db)
  await index.pendingSave
  return index
}

describe.each(engines())('the persisted screening index, on %s', (engine) => {
  let t: TestApp
  let investigator: Client
  let listId: string
  const ids: string[] = []
  const dirs: string[] = []
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'passage-index-'))
    dirs.push(dir)
    return dir
  }

  beforeAll(async () => {
    t = await createTestApp(engine)
    investigator = await t.signIn('investigator')
    listId = (await createList(investigator)).id
    for (const [i, names] of NAMES.entries()) {
      const birthDate = i % 3 === 0 ? '1990-04-12' : i % 3 === 1 ? '1990' : undefined
      ids.push((await addPerson(investigator, listId, person({ names, birthDate }))).id)
    }
    // A removed entry and a corrected one: the index keeps a removed slot and a replaced one.
    await investigator.request('POST', `/api/watchlists/${listId}/persons/${ids[1]}/remove`, {
      reason: 'Warrant withdrawn',
    })
    const res = await investigator.request('PATCH', `/api/watchlists/${listId}/persons/${ids[2]}`, {
      entry: person({ names: ['SOK Dara', 'SOK Darah', 'SOK Daro'], birthDate: '1991-01-01' }),
      reason: 'Alias added',
    })
    expect(res.statusCode).toBe(200)
  })
  afterAll(async () => {
    await t.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('is written by the server at start, in its SCREENING_INDEX_DIR', async () => {
    const index = screeningIndexFor(t.store)
    await index.pendingSave
    expect(index.started?.source).toBe('database')
    const file = readFileSync(join(t.config.screeningIndexDir, SNAPSHOT_FILE))
    expect(decodeSnapshot(file).ok).toBe(true)
  })

  it('starts from the file, reading no list, and screens exactly as an index rebuilt from the database', async () => {
    const dir = newDir()
    const first = await started(dir, t.store.db)
    expect(first.started).toEqual({ source: 'database', refused: 'missing' })
    const restarted = await started(dir, t.store.db)
    expect(restarted.started).toEqual({ source: 'snapshot', version: first.loadedVersion, caughtUp: 0 })
    expect(restarted.fullLoads).toBe(0)
    const rebuilt = await started(undefined, t.store.db)
    expect(rebuilt.fullLoads).toBe(1)
    const expected = answers(rebuilt, ids)
    expect(expected.hits.flat().length).toBeGreaterThan(QUERIES.length)
    expect(answers(restarted, ids)).toEqual(expected)
    expect(answers(first, ids)).toEqual(expected)
    expect(restarted.loadedVersion).toBe(rebuilt.loadedVersion)
  })

  it('catches up with a list changed while the process was down, then screens as a rebuild does', async () => {
    const dir = newDir()
    await started(dir, t.store.db)
    const added = await addPerson(
      investigator,
      listId,
      person({ names: ['MEAS Rotha'], birthDate: '1990-04-12' }),
    )
    await investigator.request('POST', `/api/watchlists/${listId}/persons/${ids[3]}/remove`, {
      reason: 'Warrant withdrawn',
    })
    const restarted = await started(dir, t.store.db)
    expect(restarted.started).toMatchObject({ source: 'snapshot', caughtUp: 2 })
    const rebuilt = await started(undefined, t.store.db)
    const all = [...ids, added.id]
    expect(answers(restarted, all)).toEqual(answers(rebuilt, all))
    expect(restarted.names.search({ name: 'Meas Rotha' })[0]?.id).toBe(added.id)
    expect(restarted.listOf(ids[3]!)).toBeUndefined()
  })

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6)), 'damaged'],
    ['with one bit flipped', (b: Buffer) => flip(b, b.length - 9), 'damaged'],
    ['with its header damaged', (b: Buffer) => flip(b, 20), 'damaged'],
    ['empty', () => Buffer.alloc(0), 'format'],
    ['something else', () => Buffer.from('name,birth_date\nSOK Dara,1990\n'), 'format'],
  ] as const)('is rebuilt from the database when the file is %s', async (_what, spoil, reason) => {
    const dir = newDir()
    const first = await started(dir, t.store.db)
    const file = join(dir, SNAPSHOT_FILE)
    writeFileSync(file, spoil(readFileSync(file)))
    const logs: string[] = []
    const restarted = await started(dir, t.store.db, logs)
    expect(restarted.started).toEqual({ source: 'database', refused: reason })
    expect(logs.join('\n')).toContain(`(${reason})`)
    expect(answers(restarted, ids)).toEqual(answers(first, ids))
    // The rebuild wrote a good file again: the next start uses it.
    expect((await started(dir, t.store.db)).started?.source).toBe('snapshot')
  })

  it('is rebuilt when the file was made by other name-key code (NAME_KEY_VERSION changed)', async () => {
    const dir = newDir()
    const first = await started(dir, t.store.db)
    const file = join(dir, SNAPSHOT_FILE)
    const content = decodeSnapshot(readFileSync(file))
    if (!content.ok) throw new Error('snapshot unreadable')
    writeFileSync(file, Buffer.concat(encodeSnapshot(content.content, NAME_KEY_VERSION - 1)))
    expect(decodeSnapshot(readFileSync(file), NAME_KEY_VERSION - 1).ok).toBe(true)
    const restarted = await started(dir, t.store.db)
    expect(restarted.started).toEqual({ source: 'database', refused: 'key_version' })
    expect(answers(restarted, ids)).toEqual(answers(first, ids))
  })

  it('is rebuilt when the file comes from another history of the database (a restore reused its version)', async () => {
    const dir = newDir()
    const first = await started(dir, t.store.db)
    const at = first.loadedVersion
    // As a restore of an older backup then new changes leave it: the version the file reflects has a new token.
    await sql`UPDATE screening_versions SET token = gen_random_uuid() WHERE version = ${at}`.execute(
      t.store.db,
    )
    const restarted = await started(dir, t.store.db)
    expect(restarted.started).toEqual({ source: 'database', refused: 'other_history' })
    expect(answers(restarted, ids)).toEqual(answers(first, ids))
  })

  it('keeps screening when the snapshot cannot be written, and says so', async () => {
    const notADir = join(newDir(), 'a-file')
    writeFileSync(notADir, 'x')
    const logs: string[] = []
    const index = await started(notADir, t.store.db, logs)
    expect(logs.join('\n')).toMatch(/snapshot not written/)
    expect(index.names.search({ name: 'Lim Bopha' })[0]?.id).toBe(ids[9])
  })
})

function flip(b: Buffer, at: number): Buffer {
  const copy = Buffer.from(b)
  copy[at] = copy[at]! ^ 0x10
  return copy
}
