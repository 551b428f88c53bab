import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Tx } from '../../platform/db/database.ts'

/**
 * Demo data only: one conflict of each kind the world creates while posts are offline, all touching Poipet, so the
 * demo's supervisor has a queue to decide. On a real national server these rows come from the apply triggers of
 * migration 0030 (a standalone demo server replicates nothing). No traveller, crossing or returnee is written for them
 * (they would show in the demo's registers and counts), so the people are carried in the facts as the two posts
 * recorded them, which the queue shows when the records themselves are not on this server.
 */
interface Person {
  name: string
  nationality: string
  birthDate: string
  documentNumber: string
}

export async function seedOfflineConflicts(trx: Tx): Promise<void> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM offline_conflicts`.execute(trx)
  if (rows[0]!.n > 0) return
  const day = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString()
  const crossing = (who: Person, post: string, direction: string, hoursAgo: number) => ({
    crossingId: randomUUID(),
    postCode: post,
    direction,
    crossedAt: day(hoursAgo),
    ...who,
  })
  const returnee = (post: string, hoursAgo: number) => ({
    returneeId: randomUUID(),
    postCode: post,
    registeredAt: day(hoursAgo),
    name: 'CHAN Sophea',
    nameKhmer: 'ចាន់ សុភា',
    nationality: 'KHM',
    birthDate: '2001-06-20',
  })
  const an: Person = {
    name: 'NGUYEN, VAN AN',
    nationality: 'VNM',
    birthDate: '1988-03-14',
    documentNumber: 'C4471029',
  }
  const prasert: Person = {
    name: 'SOMCHAI, PRASERT',
    nationality: 'THA',
    birthDate: '1979-11-02',
    documentNumber: 'AA9031876',
  }
  const conflicts = [
    [
      'double_entry',
      randomUUID(),
      crossing(an, 'LAND-BAVET', 'entry', 30),
      crossing(an, 'LAND-POIPET', 'entry', 28),
    ],
    [
      'exit_for_entry_elsewhere',
      randomUUID(),
      crossing(prasert, 'LAND-OSMACH', 'entry', 52),
      crossing(prasert, 'LAND-POIPET', 'exit', 6),
    ],
    ['returnee_two_posts', randomUUID(), returnee('LAND-BAVET', 20), returnee('LAND-POIPET', 9)],
  ] as const
  for (const [kind, subject, recorded, arrived] of conflicts) {
    await sql`INSERT INTO offline_conflicts (kind, subject_id, post_codes, facts, detected_at)
      VALUES (${kind}, ${subject}, ${[recorded.postCode, arrived.postCode]},
        ${JSON.stringify({ recorded, arrived })}::jsonb, ${day(2)})`.execute(trx)
  }
}
