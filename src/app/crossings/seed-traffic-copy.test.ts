import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../platform/db/database.ts'
import { cloneTemplateDatabase, engines } from '../../test/test-db.ts'
import { bruteForce, expectCuboids } from '../statistics/rollup-check.testing.ts'
import { copyPipelined, seedTraffic, syntheticOfficer } from './seed-traffic.ts'
import { orderedIds, TrafficBatch, trafficBatches } from './seed-traffic-batch.ts'
import { CopyWriter } from './seed-traffic-copy.ts'
import { copyGenerated } from './seed-traffic-generator.ts'

// COPY FROM STDIN is PostgreSQL's; PGlite keeps the batched inserts (seed-traffic.api.test.ts).
const postgres = engines().includes('postgres')

async function foreignKeys(store: Store): Promise<string[]> {
  const { rows } = await sql<{ d: string }>`
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated AS d
    FROM pg_constraint WHERE contype = 'f' ORDER BY 1`.execute(store.db)
  return rows.map((r) => r.d)
}

/** Every index (and so every unique rule) of the tables the seed writes and of the five cuboids. */
async function indexes(store: Store): Promise<string[]> {
  const { rows } = await sql<{ d: string }>`
    SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' AND (tablename LIKE 'stat_crossings%'
      OR tablename IN ('travellers', 'travel_documents', 'crossings')) ORDER BY 1`.execute(store.db)
  return rows.map((r) => r.d)
}

/**
 * Copies `crossings` synthetic movements through one writer, committed, in small batches generated and counted on
 * the generator thread while the last ones stream (`copyGenerated`, as the seed does); returns how each cuboid was
 * counted.
 */
async function copyTraffic(url: string, store: Store, crossings: number, seed: number) {
  const writer = new CopyWriter(url)
  const officer = await syntheticOfficer(store.db)
  try {
    await writer.begin()
    let written = 0
    await copyGenerated(
      writer,
      { crossings, seed },
      { officerId: officer, batchSize: 300, ahead: 2 },
      (b) => {
        written += b.movements
      },
    )
    expect(written).toBeGreaterThanOrEqual(crossings)
    await writer.commit()
  } finally {
    await writer.close()
  }
  return writer.paths
}

async function count(store: Store, query: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT (${sql.raw(query)}) AS n`.execute(store.db)
  return Number(rows[0]?.n ?? 0)
}

describe.skipIf(!postgres)('synthetic crossings through COPY on PostgreSQL', () => {
  let store: Store
  let url: string
  let drop: () => Promise<void>
  beforeAll(async () => {
    const copy = await cloneTemplateDatabase()
    url = copy.url
    drop = copy.drop
    store = await openStore({ databaseUrl: url, poolSize: 3 })
  })
  afterAll(async () => {
    await store.close()
    await drop()
  })

  it('writes the same traffic as the row path, keeps every foreign key, and counts every crossing in the rollups once', async () => {
    const keys = await foreignKeys(store)
    const before = await count(store, 'SELECT count(*) FROM crossings')
    const report = await seedTraffic({ db: store.db, crossings: 3000, seed: 5, copyUrl: url })
    expect(report.crossings).toBeGreaterThanOrEqual(3000)
    expect(await count(store, 'SELECT count(*) FROM crossings')).toBe(before + report.crossings)
    expect(await foreignKeys(store)).toEqual(keys)
    // Nothing queued (the COPY transaction counted its own rows), and every cuboid equals a brute-force count
    // and key sum of the raw crossings, cell by cell.
    expect(await count(store, 'SELECT count(*) FROM stat_crossing_deltas')).toBe(0)
    const fine = await bruteForce(store)
    await expectCuboids(store, fine, '')
    await expectCuboids(store, fine, '_now')
    // The same seed through the row path gives the same movements (under new ids and another run tag).
    await seedTraffic({ db: store.db, crossings: 3000, seed: 5 })
    const rows = await store.db
      .selectFrom('crossings as c')
      .innerJoin('travel_documents as d', 'd.id', 'c.document_id')
      .innerJoin('users as u', 'u.id', 'c.officer_id')
      .select([
        'd.document_number',
        'c.crossed_at',
        'c.post_code',
        'c.direction',
        'c.decision',
        'c.stay_days',
      ])
      .where('u.username', '=', 'synthetic.traffic')
      .orderBy('c.crossed_at')
      .orderBy('d.document_number')
      .execute()
    const runs = new Map<string, string[]>()
    for (const r of rows) {
      const tag = r.document_number.slice(0, 6)
      const line = [
        r.document_number.slice(6),
        r.crossed_at.toISOString(),
        r.post_code,
        r.direction,
        r.decision,
        r.stay_days,
      ]
      runs.set(tag, [...(runs.get(tag) ?? []), line.join('|')])
    }
    const [copied, inserted] = [...runs.values()]
    expect(runs.size).toBe(2)
    expect(copied).toEqual(inserted)
  })

  it('writes nothing and keeps its foreign keys when a row breaks one', async () => {
    const keys = await foreignKeys(store)
    const before = await count(store, 'SELECT count(*) FROM crossings')
    const batch = new TrafficBatch(orderedIds())
    batch.add(
      {
        index: 0,
        surname: 'Test',
        givenNames: 'Copy',
        birthDate: '1990-01-01',
        sex: 'F',
        nationality: 'THA',
        documentNumber: 'X1',
      },
      [
        {
          travellerIndex: 0,
          postCode: 'LAND-NOWHERE',
          at: new Date('2025-01-01T03:00:00Z'),
          direction: 'entry',
          purpose: 'tourism',
          permittedStayDays: 30,
          decision: 'admit',
          refusalReason: null,
          stayDays: null,
          overstayDays: null,
        },
      ],
      'ZZ',
    )
    const writer = new CopyWriter(url)
    await writer.begin()
    // An officer and a post that do not exist: refused when the keys are checked, before commit.
    await writer.write(batch, randomUUID())
    await expect(writer.commit()).rejects.toThrow(/foreign key/)
    await writer.abort()
    await writer.close()
    expect(await count(store, 'SELECT count(*) FROM crossings')).toBe(before)
    expect(await foreignKeys(store)).toEqual(keys)
    expect(await count(store, 'SELECT count(*) FROM stat_crossing_deltas')).toBe(0)
    // The rolled-back rows were never counted either.
    await expectCuboids(store, await bruteForce(store), '')
  })

  it('stops generating and writes nothing when a COPY fails while later batches are being generated', async () => {
    const crossings = await count(store, 'SELECT count(*) FROM crossings')
    const officer = await syntheticOfficer(store.db)
    const batches = [...trafficBatches({ crossings: 3000, seed: 13 }, 200)]
    // The third batch repeats the first one's crossing id: the primary key (kept during the copy) refuses it.
    batches[2]!.c.id[0] = batches[0]!.c.id[0]!
    let generated = 0
    const counted = function* () {
      for (const b of batches) {
        generated++
        yield b
      }
    }
    const writer = new CopyWriter(url)
    await writer.begin()
    await expect(copyPipelined(writer, counted(), officer, () => {})).rejects.toThrow(/duplicate key/)
    await writer.abort()
    await writer.close()
    // Generation stopped a few batches after the failure, not at the end of the traffic.
    expect(generated).toBeLessThan(batches.length)
    expect(await count(store, 'SELECT count(*) FROM crossings')).toBe(crossings)
  })

  it('stops its generator thread and writes nothing when a COPY fails, and counts nothing into bare tables', async () => {
    for (const t of ['travellers', 'travel_documents', 'crossings'])
      await sql.raw(`CREATE TABLE gen_${t} (LIKE ${t} INCLUDING DEFAULTS)`).execute(store.db)
    // Bare tables that refuse a name twice (a constraint: the writer keeps those during the copy); the synthetic
    // names repeat within the first few batches.
    await sql`ALTER TABLE gen_travellers ADD CONSTRAINT gen_once UNIQUE (surname, given_names)`.execute(
      store.db,
    )
    const officer = await syntheticOfficer(store.db)
    const writer = new CopyWriter(url, (t) => `gen_${t}`)
    await writer.begin()
    expect(writer.countingSecret).toBeNull()
    let written = 0
    await expect(
      copyGenerated(
        writer,
        { crossings: 50_000, seed: 5 },
        { officerId: officer, batchSize: 200, ahead: 2 },
        (b) => {
          written += b.movements
        },
      ),
    ).rejects.toThrow(/duplicate key/)
    await writer.abort()
    await writer.close()
    expect(written).toBeLessThan(50_000)
    expect(await count(store, 'SELECT count(*) FROM gen_travellers')).toBe(0)
    // Without it the same traffic goes through whole, and a writer that counts nothing adopts no cells.
    await sql`ALTER TABLE gen_travellers DROP CONSTRAINT gen_once`.execute(store.db)
    const again = new CopyWriter(url, (t) => `gen_${t}`)
    await again.begin()
    let movements = 0
    await copyGenerated(
      again,
      { crossings: 2000, seed: 5 },
      { officerId: officer, batchSize: 200, ahead: 2 },
      (b) => {
        movements += b.movements
      },
    )
    await again.commit()
    await again.close()
    expect(await count(store, 'SELECT count(*) FROM gen_crossings')).toBe(movements)
    expect(movements).toBeGreaterThanOrEqual(2000)
    for (const t of ['crossings', 'travel_documents', 'travellers'])
      await sql.raw(`DROP TABLE gen_${t}`).execute(store.db)
  })

  it('refuses to count without the record-key secret, and writes nothing', async () => {
    const crossings = await count(store, 'SELECT count(*) FROM crossings')
    const { rows: secrets } = await sql<{ secret: string }>`SELECT secret FROM stat_key_secret`.execute(
      store.db,
    )
    expect(secrets).toHaveLength(1)
    // No secret: there would be no record key to count by (the statistics view would count no crossing at all).
    await sql`DELETE FROM stat_key_secret`.execute(store.db)
    try {
      const writer = new CopyWriter(url)
      await expect(writer.begin()).rejects.toThrow(/exactly one secret/)
      await writer.abort()
      await writer.close()
    } finally {
      await sql`INSERT INTO stat_key_secret (secret) VALUES (${secrets[0]!.secret})`.execute(store.db)
    }
    expect(await count(store, 'SELECT count(*) FROM crossings')).toBe(crossings)
    expect(await foreignKeys(store)).toContain(
      'crossings crossings_traveller_id_fkey FOREIGN KEY (traveller_id) REFERENCES travellers(id) true',
    )
  })

  it('refuses a broken admission chain when its unique index is built again, and writes nothing', async () => {
    const before = await indexes(store)
    const crossings = await count(store, 'SELECT count(*) FROM crossings')
    const [batch] = [...trafficBatches({ crossings: 200, seed: 11 }, 1000)]
    // Every admission made a first one: travellers with two admissions now have two chain heads.
    batch!.c.previous.fill(null)
    // Read before the copy starts: dropping the foreign keys locks the tables they point at (users) until commit.
    const officer = await syntheticOfficer(store.db)
    const writer = new CopyWriter(url)
    await writer.begin()
    await writer.write(batch!, officer)
    await expect(writer.commit()).rejects.toThrow(/crossings_first_admitted_idx|duplicate key/)
    await writer.abort()
    await writer.close()
    expect(await count(store, 'SELECT count(*) FROM crossings')).toBe(crossings)
    expect(await indexes(store)).toEqual(before)
  })

  it('fills empty cuboids with their indexes built after, upserts into filled ones, and both equal a brute-force count', async () => {
    // An empty database's statistics: no crossings, nothing counted, nothing queued.
    await sql`TRUNCATE crossings, stat_crossing_deltas, stat_crossings, stat_crossings_post, stat_crossings_post_month,
      stat_crossings_post_person, stat_crossings_person CASCADE`.execute(store.db)
    const before = await indexes(store)
    const keys = await foreignKeys(store)
    const first = await copyTraffic(url, store, 2500, 21)
    expect(Object.values(first)).toEqual(Array(5).fill('built'))
    expect(await indexes(store)).toEqual(before)
    expect(await foreignKeys(store)).toEqual(keys)
    await expectCuboids(store, await bruteForce(store), '')
    // The same seed again: the same cells (another run's rows) are added to the filled cuboids, cell by cell.
    const second = await copyTraffic(url, store, 2500, 21)
    expect(Object.values(second)).toEqual(Array(5).fill('upserted'))
    const fine = await bruteForce(store)
    await expectCuboids(store, fine, '')
    await expectCuboids(store, fine, '_now')
    expect(await indexes(store)).toEqual(before)
    expect(await count(store, 'SELECT count(*) FROM stat_crossing_deltas')).toBe(0)
  })
})
