import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seeded } from '../../domain/training/random.ts'
import type { Store } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { engines, openTestStore } from '../../test/test-db.ts'
import { ground } from './ground.ts'
import { officersTrained } from './officers-trained.ts'
import { seedDemoTraining } from './seed-training.ts'
import type { ParticipantRow } from './training.tables.ts'

describe.each(engines())('officersTrained on %s', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(() => store.close())

  it('counts distinct officers who completed training by post, agency and sex, as a brute-force count does', async () => {
    const db = store.db
    const users = await db.selectFrom('users').select(['id', 'agency_code', 'post_code']).execute()
    const creator = users[0]!.id
    const course = randomUUID()
    await db
      .insertInto('training_courses')
      .values({
        id: course,
        title_en: 'C',
        title_km: 'គ',
        topic: 't',
        curriculum: 'c',
        languages: ['en'],
        created_by: creator,
      })
      .execute()
    const r = seeded(2026)
    const sessions = Array.from({ length: 4 }, () => randomUUID())
    for (const id of sessions)
      await db
        .insertInto('training_sessions')
        .values({
          id,
          course_id: course,
          starts_on: '2025-01-01',
          ends_on: '2025-01-02',
          place: 'p',
          trainers: 't',
          funding_project: 'f',
          post_code: null,
          created_by: creator,
        })
        .execute()
    const rows: Pick<
      ParticipantRow,
      | 'id'
      | 'session_id'
      | 'user_id'
      | 'full_name'
      | 'agency_code'
      | 'post_code'
      | 'sex'
      | 'attended'
      | 'completed_on'
    >[] = []
    for (const session of sessions)
      for (const u of users) {
        if (r.next() < 0.3) continue
        const attended = r.next() < 0.8
        const completed = attended && r.next() < 0.7
        rows.push({
          id: randomUUID(),
          session_id: session,
          user_id: u.id,
          full_name: 'x',
          agency_code: u.agency_code,
          post_code: r.next() < 0.2 ? null : u.post_code,
          sex: r.pick(['F', 'M', 'X'] as const),
          attended,
          completed_on: completed ? `2025-0${r.int(1, 6)}-1${r.int(0, 9)}` : null,
        })
      }
    // External participants never count as officers.
    rows.push({
      id: randomUUID(),
      session_id: sessions[0]!,
      user_id: null,
      full_name: 'NGO staff',
      agency_code: 'NGO',
      post_code: null,
      sex: 'F' as const,
      attended: true,
      completed_on: '2025-03-03',
    })
    await db.insertInto('training_participants').values(rows).execute()

    const brute = (from: string, to: string, scope: { agencyCode?: string; postCode?: string } = {}) => {
      const done = rows.filter(
        (p) =>
          p.user_id !== null &&
          p.completed_on !== null &&
          p.completed_on >= from &&
          p.completed_on <= to &&
          (!scope.agencyCode || p.agency_code === scope.agencyCode) &&
          (!scope.postCode || p.post_code === scope.postCode),
      )
      const groups = new Map<string, Set<string>>()
      for (const p of done) {
        const k = JSON.stringify([p.agency_code, p.post_code, p.sex])
        groups.set(k, (groups.get(k) ?? new Set()).add(p.user_id!))
      }
      return {
        total: new Set(done.map((p) => p.user_id)).size,
        rows: [...groups].map(([k, ids]) => {
          const [agencyCode, postCode, sex] = JSON.parse(k)
          return { agencyCode, postCode, sex, officers: ids.size }
        }),
      }
    }
    const sort = (x: { rows: { agencyCode: string; postCode: string | null; sex: string }[] }) =>
      [...x.rows].sort((a, b) =>
        JSON.stringify([a.agencyCode, a.postCode, a.sex]).localeCompare(
          JSON.stringify([b.agencyCode, b.postCode, b.sex]),
        ),
      )
    for (const [from, to, scope] of [
      ['2025-01-01', '2025-12-31', {}],
      ['2025-02-10', '2025-04-15', {}],
      ['2025-01-01', '2025-12-31', { agencyCode: 'GDI' }],
      ['2025-01-01', '2025-06-30', { postCode: 'LAND-POIPET' }],
      ['2024-01-01', '2024-12-31', {}],
    ] as const) {
      const got = await officersTrained(db, { from, to, scope })
      const want = brute(from, to, scope)
      expect(got.total, `${from}..${to} ${JSON.stringify(scope)}`).toBe(want.total)
      expect(sort(got)).toEqual(sort(want))
    }
    expect((await officersTrained(db, { from: '2025-01-01', to: '2025-12-31' })).total).toBeGreaterThan(3)
    expect(await officersTrained(db, { from: '2024-01-01', to: '2024-12-31' })).toEqual({
      total: 0,
      rows: [],
    })
  })

  it('counts the demo training written through the use cases: one officer completed, the NGO worker never', async () => {
    await seedDemoTraining({ db: store.db })
    const today = todayInCambodia()
    const got = await officersTrained(store.db, { from: today, to: today })
    expect(got).toEqual({
      total: 1,
      rows: [{ postCode: 'LAND-POIPET', agencyCode: 'GDI', sex: 'F', officers: 1 }],
    })
    const exercises = await ground(store.db).selectFrom('exercises').selectAll().execute()
    expect(exercises).toHaveLength(2)
  })
})
