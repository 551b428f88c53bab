import { randomBytes } from 'node:crypto'
import {
  random,
  type SyntheticMovement,
  type SyntheticTraveller,
  syntheticTraffic,
} from '../../domain/crossings/synthetic-traffic.ts'
import type { Db } from '../../platform/db/database.ts'
import { syntheticOfficer } from '../crossings/seed-traffic.ts'
import { orderedIds, TrafficBatch } from '../crossings/seed-traffic-batch.ts'

const HOUR = 3_600_000
/** Cambodia is UTC+7 all year. */
const CAMBODIA = 7 * HOUR
/** Counters open at six; before then the day so far is spread over the hours since midnight. */
const OPENING_HOUR = 6

/** Share of the day's movements at each post: Poipet is the busiest land crossing, Bavet the second. */
const POSTS = [
  ['LAND-POIPET', 0.7],
  ['LAND-BAVET', 0.3],
] as const

/** Busier in the morning and late afternoon, as the counters at Poipet see it (relative weights by hour). */
function hourWeight(hour: number): number {
  if (hour < 6) return 0.2
  if (hour < 9) return 1.6
  if (hour < 12) return 1.2
  if (hour < 15) return 0.8
  if (hour < 19) return 1.4
  return 0.6
}

/** Moments between the day's start and `now`, drawn so that each hour gets its share of the day's weight. */
function momentsToday(r: () => number, now: Date, count: number): Date[] {
  const midnight = Math.floor((now.getTime() + CAMBODIA) / (24 * HOUR)) * 24 * HOUR - CAMBODIA
  const opened = midnight + OPENING_HOUR * HOUR
  const start = now.getTime() - opened > HOUR ? opened : midnight
  const span = Math.max(1, now.getTime() - start)
  const out: Date[] = []
  while (out.length < count) {
    const at = start + Math.floor(r() * span)
    const hour = Math.floor((at - midnight) / HOUR)
    if (r() * 1.6 < hourWeight(hour)) out.push(new Date(at))
  }
  return out.sort((a, b) => a.getTime() - b.getTime())
}

export interface TodaysTraffic {
  crossings: number
  byPost: Record<string, number>
  /** Travellers stored with a passport but no movement yet: the ones the counter inspects next. */
  waiting: { travellerId: string; documentId: string; traveller: SyntheticTraveller }[]
}

/**
 * Today's movements at Poipet and Bavet, hour by hour up to now, so the live board and the crossings dashboard
 * show a day under way on a new demo database. Written by the disabled synthetic-traffic account through the same
 * bulk batch as the demo's years of history (one movement per traveller, admitted), plus `waiting` travellers with
 * a passport and no movement, for the demo's inspections.
 */
export async function seedTodaysTraffic(o: {
  db: Db
  crossings: number
  waiting: number
  seed?: number
  now?: Date
}): Promise<TodaysTraffic> {
  const now = o.now ?? new Date()
  const r = random(o.seed ?? 7)
  const moments = momentsToday(r, now, o.crossings)
  const officerId = await syntheticOfficer(o.db)
  const runTag = `D${randomBytes(2).toString('hex').toUpperCase()}`
  const ids = orderedIds()
  const batch = new TrafficBatch(ids)
  const byPost: Record<string, number> = {}
  const waiting: SyntheticTraveller[] = []
  const people = syntheticTraffic({
    seed: o.seed ?? 7,
    movements: (o.crossings + o.waiting) * 8,
    from: new Date(now.getTime() - 365 * 24 * HOUR),
    days: 365,
  })
  for (const { traveller, movements } of people) {
    const first = movements[0]
    if (!first) continue
    if (waiting.length < o.waiting && traveller.nationality !== 'KHM') {
      waiting.push(traveller)
      continue
    }
    const at = moments[batch.movements]
    if (!at) break
    const post = r() < POSTS[0][1] ? POSTS[0][0] : POSTS[1][0]
    const movement: SyntheticMovement = {
      ...first,
      postCode: post,
      at,
      decision: 'admit',
      refusalReason: null,
      stayDays: null,
      overstayDays: null,
    }
    batch.add(traveller, [movement], runTag)
    byPost[post] = (byPost[post] ?? 0) + 1
  }
  const crossings = batch.movements
  const travellersBefore = batch.travellers
  for (const t of waiting) batch.add(t, [], runTag)
  await o.db.transaction().execute((trx) => batch.write(trx, officerId))
  return {
    crossings,
    byPost,
    waiting: waiting.map((traveller, i) => ({
      traveller,
      travellerId: batch.t.id[travellersBefore + i]!,
      documentId: batch.t2.doc[travellersBefore + i]!,
    })),
  }
}
