import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { arrivalCounts } from '../exchange/board-arrivals.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import type { BoardSnapshot, Movements } from './board.contract.ts'

export type { BoardSnapshot }

const DECISION_FIELD = { admit: 'admitted', refer_secondary: 'referred', refuse: 'refused' } as const

/** The counts only, for comparing two polls: `updatedAt` always differs. */
export function boardFingerprint(s: BoardSnapshot): string {
  const { updatedAt: _, ...counts } = s
  return JSON.stringify(counts)
}

/** Reads the board of a post for one day. No policy check: callers authorise (the route, the stream hub). */
export async function loadBoard(
  db: Executor,
  postCode: string,
  day = todayInCambodia(),
): Promise<BoardSnapshot> {
  const hour = sql<number>`extract(hour from crossed_at AT TIME ZONE 'Asia/Phnom_Penh')::int`
  const [rows, hits, secondary, returnees, arrivals] = await Promise.all([
    db
      .selectFrom('crossings')
      .select(['direction', 'decision', hour.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('post_code', '=', postCode)
      .where('crossed_on', '=', day)
      .groupBy(['direction', 'decision', hour])
      .execute(),
    db
      .selectFrom('screening_hits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('post_code', '=', postCode)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('secondary_inspections')
      .select((eb) => [
        eb.fn.count<number>('id').filterWhere('taken_at', 'is', null).as('waiting'),
        eb.fn.count<number>('id').filterWhere('taken_at', 'is not', null).as('in_interview'),
        eb.fn.min('referred_at').filterWhere('taken_at', 'is', null).as('oldest'),
      ])
      .where('post_code', '=', postCode)
      .where('decided_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('returnees')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('post_code', '=', postCode)
      .where('registered_on', '=', day)
      .executeTakeFirstOrThrow(),
    arrivalCounts(db, postCode, day),
  ])
  const empty = (): Movements => ({ total: 0, admitted: 0, referred: 0, refused: 0 })
  const entries = empty()
  const exits = empty()
  const hourly = Array.from({ length: 24 }, (_, h) => ({ hour: h, entries: 0, exits: 0 }))
  for (const r of rows) {
    const n = Number(r.n)
    const m = r.direction === 'entry' ? entries : exits
    m.total += n
    const field = DECISION_FIELD[r.decision as keyof typeof DECISION_FIELD]
    if (field) m[field] += n
    const slot = hourly[Number(r.hour)]
    if (slot) slot[r.direction === 'entry' ? 'entries' : 'exits'] += n
  }
  return {
    postCode,
    day,
    updatedAt: new Date().toISOString(),
    entries,
    exits,
    hourly,
    hitsAwaiting: Number(hits.n),
    secondary: {
      waiting: Number(secondary.waiting),
      inInterview: Number(secondary.in_interview),
      oldestWaitingSince: secondary.oldest ? new Date(secondary.oldest).toISOString() : null,
    },
    returneesToday: Number(returnees.n),
    arrivals,
  }
}

/** Who may watch a post's board: whoever reads that post's crossings. Refuses an unknown post. */
export async function authorizeBoard(o: {
  db: Executor
  actor: RequestActor
  postCode: string
}): Promise<void> {
  authorize(o.actor, 'read', 'crossing', { postCode: o.postCode })
  await requirePost(o.db, o.postCode)
}

/** Refuses a post code that names no point of entry. */
export async function requirePost(db: Executor, postCode: string): Promise<void> {
  const post = await db
    .selectFrom('points_of_entry')
    .select('code')
    .where('code', '=', postCode)
    .executeTakeFirst()
  if (!post) throw new AppError('not_found')
}
