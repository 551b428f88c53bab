import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateLink, lsnValue } from '../../domain/offline/link-status.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { beat } from './heartbeat.ts'
import { readNodeLinks } from './link-facts.ts'

describe.each(engines())('the link state an officer sees, on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('is for signed-in users only', async () => {
    expect((await t.anonymous.request('GET', '/api/offline/link')).statusCode).toBe(401)
  })

  it('says nothing on a standalone server', async () => {
    const officer = await t.signIn('officer.poipet')
    expect((await officer.request('GET', '/api/offline/link')).json()).toEqual({
      role: 'standalone',
      postCode: null,
      up: true,
      downSince: null,
      alertListsAsOf: null,
      stale: false,
      staleAfterMinutes: 1440,
    })
  })

  it('at a post, gives the age of its alert lists, warns past the configured age, and says when the link is down', async () => {
    const officer = await t.signIn('officer.poipet')
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
    await sql`INSERT INTO offline_settings (role, post_code) VALUES ('post', 'LAND-POIPET')`.execute(
      t.store.db,
    )
    await sql`INSERT INTO offline_heartbeats VALUES ('national', ${twoDaysAgo})`.execute(t.store.db)
    const old = (await officer.request('GET', '/api/offline/link')).json()
    // No subscription to the centre here: the link is down since the centre's last heartbeat arrived.
    expect(old).toMatchObject({ role: 'post', postCode: 'LAND-POIPET', up: false, stale: true })
    expect(new Date(old.alertListsAsOf).getTime()).toBe(twoDaysAgo.getTime())
    expect(new Date(old.downSince).getTime()).toBe(twoDaysAgo.getTime())

    await sql`UPDATE offline_settings SET stale_after_minutes = 4320`.execute(t.store.db)
    expect((await officer.request('GET', '/api/offline/link')).json()).toMatchObject({
      stale: false,
      staleAfterMinutes: 4320,
    })
    await expect(
      sql`UPDATE offline_settings SET stale_after_minutes = 0`.execute(t.store.db),
    ).rejects.toThrow()
  })

  it('keeps a heartbeat row to its own node, and refuses a malformed node name', async () => {
    await expect(
      sql`INSERT INTO offline_heartbeats VALUES ('post:bad name; --', now())`.execute(t.store.db),
    ).rejects.toThrow()
    await expect(
      sql`INSERT INTO offline_settings (role) VALUES ('post')`.execute(t.store.db),
    ).rejects.toThrow()
  })

  it('tells `passage post status` of a post restored from an older backup, a replaced centre, a clock hours wrong and a subscription dropped by hand', async () => {
    // The post's own beat carries its cluster identity and WAL position, read from this engine's catalogs.
    expect(await beat(t.store.db)).toBe(true)
    const { rows } = await sql<{ system_id: string; wal_lsn: string }>`
      SELECT system_id, wal_lsn::text AS wal_lsn FROM offline_heartbeats WHERE node = 'post:LAND-POIPET'`.execute(
      t.store.db,
    )
    expect(rows[0]!.system_id).toMatch(/^[0-9]+$/)
    expect(lsnValue(rows[0]!.wal_lsn)).not.toBeNull()
    const problems = async () =>
      evaluateLink((await readNodeLinks(t.store.db)).links[0]!.facts, new Date()).problems
    const centre = (set: { system?: string; received?: string; beatAt?: Date }) =>
      sql`UPDATE offline_heartbeats SET system_id = ${set.system ?? '7311'}, beat_at = ${set.beatAt ?? new Date()},
        received = jsonb_build_object('LAND-POIPET', ${set.received ?? rows[0]!.wal_lsn}::text)
        WHERE node = 'national'`.execute(t.store.db)
    await sql`UPDATE offline_settings SET peer_system_id = '7311'`.execute(t.store.db)

    // The centre has what this post sent up to its last beat, from the cluster set up: nothing to report but the
    // subscription and the slot, which are not here (as if dropped by hand).
    await centre({})
    expect((await problems()).map((p) => p.code)).toEqual([
      'subscription_missing',
      'link_down',
      'slot_missing',
    ])
    // Restored from an older backup: the centre already holds changes from further than this WAL reaches.
    await centre({ received: 'FFFF/0' })
    expect(await problems()).toContainEqual({
      code: 'restored_from_backup',
      walAt: expect.any(String),
      peerHas: 'FFFF/0',
    })
    // The national server replaced by another cluster.
    await centre({ system: '7400' })
    expect(await problems()).toContainEqual({ code: 'peer_replaced', expected: '7311', found: '7400' })
    // This post's clock three hours behind the centre's: the centre's beat arrives stamped in our future.
    await centre({ beatAt: new Date(Date.now() + 3 * 3600_000) })
    const skew = (await problems()).find((p) => p.code === 'clock_skew') as { seconds: number }
    expect(skew.seconds).toBeLessThan(-3 * 3600 + 60)
  })

  it("seeds the demo supervisor's queue with one conflict of each kind, the people side by side", async () => {
    const supervisor = await t.signIn('supervisor.poipet')
    const queue = (await supervisor.request('GET', '/api/offline/conflicts')).json() as {
      kind: string
      postCodes: string[]
      sides: Record<string, { name: string | null; documentNumber: string | null }>
    }[]
    expect(queue.map((c) => c.kind).sort()).toEqual([
      'double_entry',
      'exit_for_entry_elsewhere',
      'returnee_two_posts',
    ])
    for (const c of queue) {
      expect(c.postCodes).toContain('LAND-POIPET')
      expect(c.sides.recorded!.name).toBeTruthy()
      expect(c.sides.arrived!.name).toBe(c.sides.recorded!.name)
    }
  })

  it('gives a supervisor the conflicts touching their post, side by side, to resolve once with a reason', async () => {
    await sql`DELETE FROM offline_conflicts`.execute(t.store.db)
    // A traveller and a returnee on this server: each side names the person its record is about.
    const traveller = crypto.randomUUID()
    await sql`INSERT INTO travellers (id, surname, given_names, nationality, birth_date)
      VALUES (${traveller}, 'PHAN', 'DARA', 'KHM', '1990-01-01')`.execute(t.store.db)
    const facts = (a: string, b: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        recorded: { postCode: a, direction: 'entry', ...extra },
        arrived: { postCode: b, direction: 'entry', crossingId: 'not-a-uuid' },
      })
    const { rows } = await sql<{ id: string }>`
      INSERT INTO offline_conflicts (kind, subject_id, post_codes, facts) VALUES
        ('double_entry', ${traveller}, ARRAY['LAND-BAVET', 'LAND-POIPET'], ${facts('LAND-BAVET', 'LAND-POIPET')}::jsonb),
        ('returnee_two_posts', gen_random_uuid(), ARRAY['LAND-BAVET', 'LAND-OSMACH'], ${facts('LAND-BAVET', 'LAND-OSMACH')}::jsonb)
      RETURNING id`.execute(t.store.db)
    const [ours, theirs] = rows.map((r) => r.id)

    const officer = await t.signIn('officer.poipet')
    expect((await officer.request('GET', '/api/offline/conflicts')).statusCode).toBe(403)

    const supervisor = await t.signIn('supervisor.poipet')
    const queue = (await supervisor.request('GET', '/api/offline/conflicts')).json()
    const dara = { name: 'PHAN, DARA', nameKhmer: null, nationality: 'KHM', birthDate: '1990-01-01' }
    expect(queue).toEqual([
      expect.objectContaining({
        id: ours,
        kind: 'double_entry',
        postCodes: ['LAND-BAVET', 'LAND-POIPET'],
        facts: {
          recorded: { postCode: 'LAND-BAVET', direction: 'entry' },
          arrived: { postCode: 'LAND-POIPET', direction: 'entry', crossingId: 'not-a-uuid' },
        },
        sides: {
          recorded: { ...dara, documentNumber: null },
          // A malformed crossing id names no crossing: the side falls back to the conflict's traveller.
          arrived: { ...dara, documentNumber: null },
        },
        resolvedAt: null,
        resolvedBy: null,
      }),
    ])

    const resolve = (id: string, resolution: unknown) =>
      supervisor.request('POST', `/api/offline/conflicts/${id}/resolve`, { resolution })
    expect((await resolve(ours!, '')).statusCode).toBe(400)
    expect((await resolve(ours!, 'Seen\u0000')).statusCode).toBe(400)
    expect((await resolve(theirs!, 'Not mine')).statusCode).toBe(404)
    expect((await resolve('not-a-uuid', 'x')).statusCode).toBe(400)
    const done = await resolve(
      ours!,
      'Same passport; the Bavet entry was a data-entry error, cancelled there.',
    )
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({
      id: ours,
      resolution: expect.stringContaining('Bavet'),
      resolvedBy: 'supervisor.poipet',
    })
    expect((await resolve(ours!, 'Again')).statusCode).toBe(409)
    expect((await supervisor.request('GET', '/api/offline/conflicts')).json()).toEqual([])
    expect((await supervisor.request('GET', '/api/offline/conflicts?status=all')).json()).toHaveLength(1)
    // Audited once, with the decision itself; nothing else about the two records changed.
    const audit = await sql<{ details: { resolution: string } }>`
      SELECT details FROM audit_log WHERE resource = 'movement_conflict' AND record_id = ${ours}`.execute(
      t.store.db,
    )
    expect(audit.rows.map((r) => r.details.resolution)).toEqual([expect.stringContaining('Bavet')])
  })
})
