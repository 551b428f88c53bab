import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import {
  type SyntheticMovement,
  type SyntheticTraveller,
  syntheticTraffic,
} from '../../domain/crossings/synthetic-traffic.ts'
import type { Tx } from '../../platform/db/database.ts'

const HOUR = 3_600_000

/**
 * Cambodia's day of a moment. Same answer as `cambodiaDayOf` (UTC+7, no daylight saving) without a call into
 * `Intl` per row, which alone would cost minutes over ten million movements.
 */
export function cambodiaDayFast(at: Date): string {
  return new Date(at.getTime() + 7 * HOUR).toISOString().slice(0, 10)
}

/**
 * Ids in insertion order (the UUIDv7 layout: the run's start in milliseconds, a 42-bit counter, 32 random bits of
 * the run), so every uuid index grows at its right edge instead of touching a random page per row: at ten million
 * rows that is the difference between appending and thrashing the buffer cache.
 */
export function orderedIds(): () => string {
  const ms = Date.now().toString(16).padStart(12, '0')
  const head = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7`
  const tail = randomBytes(4).toString('hex')
  let n = 0
  return () => {
    const high = Math.floor(n / 2 ** 30)
    const low = n % 2 ** 30
    n++
    const variant = (0x8000 | (low >>> 16)).toString(16)
    return `${head}${high.toString(16).padStart(3, '0')}-${variant}-${(low & 0xffff).toString(16).padStart(4, '0')}${tail}`
  }
}

function transportOf(post: string): 'air' | 'land' | 'sea' | 'river' {
  if (post.startsWith('AIR-')) return 'air'
  if (post.startsWith('SEA-')) return 'sea'
  if (post.startsWith('RIVER-')) return 'river'
  return 'land'
}

/**
 * One batch of travellers, their passports and movements, held column by column so each table is written by one
 * `INSERT … SELECT FROM unnest(…)` with a fixed number of parameters however many rows the batch holds.
 */
export class TrafficBatch {
  constructor(private readonly newId: () => string) {}
  movements = 0
  readonly t = { id: [] as string[], surname: [] as string[], given: [] as string[], birth: [] as string[] }
  readonly t2 = {
    sex: [] as string[],
    nationality: [] as string[],
    doc: [] as string[],
    number: [] as string[],
  }
  readonly c = {
    id: [] as string[],
    traveller: [] as string[],
    document: [] as string[],
    post: [] as string[],
    at: [] as string[],
    on: [] as string[],
    direction: [] as string[],
    purpose: [] as string[],
    permitted: [] as (number | null)[],
    transport: [] as string[],
    decision: [] as string[],
    refusal: [] as (string | null)[],
    matched: [] as (string | null)[],
    stay: [] as (number | null)[],
    overstay: [] as (number | null)[],
    previous: [] as (string | null)[],
  }

  /** Adds a traveller and their movements, linking each exit to its entry and each admitted movement to the last. */
  add(traveller: SyntheticTraveller, movements: SyntheticMovement[], runTag: string): void {
    const id = this.newId()
    const doc = this.newId()
    this.t.id.push(id)
    this.t.surname.push(traveller.surname.toUpperCase())
    this.t.given.push(traveller.givenNames.toUpperCase())
    this.t.birth.push(traveller.birthDate)
    this.t2.sex.push(traveller.sex)
    this.t2.nationality.push(traveller.nationality)
    this.t2.doc.push(doc)
    this.t2.number.push(`${runTag}${traveller.documentNumber}`)
    let previous: string | null = null
    let openEntry: string | null = null
    const c = this.c
    for (const m of movements) {
      const crossing = this.newId()
      c.id.push(crossing)
      c.traveller.push(id)
      c.document.push(doc)
      c.post.push(m.postCode)
      c.at.push(m.at.toISOString())
      c.on.push(cambodiaDayFast(m.at))
      c.direction.push(m.direction)
      c.purpose.push(m.purpose)
      c.permitted.push(m.permittedStayDays)
      c.transport.push(transportOf(m.postCode))
      c.decision.push(m.decision)
      c.refusal.push(m.refusalReason)
      c.matched.push(m.direction === 'exit' ? openEntry : null)
      c.stay.push(m.stayDays)
      c.overstay.push(m.overstayDays)
      c.previous.push(previous)
      if (m.decision === 'admit') {
        previous = crossing
        openEntry = m.direction === 'entry' ? crossing : null
      }
    }
    this.movements += movements.length
  }

  get travellers(): number {
    return this.t.id.length
  }

  /** Writes the batch in the caller's transaction: travellers, then their documents, then the movements. */
  async write(trx: Tx, officerId: string): Promise<void> {
    if (!this.travellers) return
    const { t, t2, c } = this
    await sql`INSERT INTO travellers (id, surname, given_names, birth_date, sex, nationality)
      SELECT * FROM unnest(${t.id}::uuid[], ${t.surname}::text[], ${t.given}::text[], ${t.birth}::text[],
        ${t2.sex}::text[], ${t2.nationality}::text[])`.execute(trx)
    await sql`INSERT INTO travel_documents (id, traveller_id, issuing_state, document_code, document_number, format,
        source, nationality, surname, given_names, birth_date, sex, expiry_date, first_seen_at, last_seen_at,
        read_count, created_by)
      SELECT d.id, d.traveller_id, d.nationality, 'P', d.number, 'TD3', 'manual', d.nationality, d.surname,
        d.given_names, d.birth_date, d.sex, '2031-12-31', now(), now(), 1, ${officerId}::uuid
      FROM unnest(${t2.doc}::uuid[], ${t.id}::uuid[], ${t2.nationality}::text[], ${t2.number}::text[],
        ${t.surname}::text[], ${t.given}::text[], ${t.birth}::text[], ${t2.sex}::text[])
        AS d(id, traveller_id, nationality, number, surname, given_names, birth_date, sex)`.execute(trx)
    await sql`INSERT INTO crossings (id, traveller_id, document_id, post_code, counter, officer_id, agency_code,
        crossed_at, crossed_on, direction, purpose, permitted_stay_days, transport, decision, refusal_reason,
        matched_entry_id, stay_days, overstay_days, flags, previous_admitted_id)
      SELECT m.id, m.traveller_id, m.document_id, m.post_code, '1', ${officerId}::uuid, 'GDI', m.crossed_at,
        m.crossed_on, m.direction, m.purpose, m.permitted, m.transport, m.decision, m.refusal, m.matched, m.stay,
        m.overstay, CASE WHEN m.overstay > 0 THEN '["overstay"]'::jsonb ELSE '[]'::jsonb END, m.previous
      FROM unnest(${c.id}::uuid[], ${c.traveller}::uuid[], ${c.document}::uuid[], ${c.post}::text[],
        ${c.at}::timestamptz[], ${c.on}::text[], ${c.direction}::text[], ${c.purpose}::text[],
        ${c.permitted}::int[], ${c.transport}::text[], ${c.decision}::text[], ${c.refusal}::text[],
        ${c.matched}::uuid[], ${c.stay}::int[], ${c.overstay}::int[], ${c.previous}::uuid[])
        AS m(id, traveller_id, document_id, post_code, crossed_at, crossed_on, direction, purpose, permitted,
          transport, decision, refusal, matched, stay, overstay, previous)`.execute(trx)
  }
}

/** What traffic to generate: about `crossings` movements over `years` years (3 by default), from `seed` (1). */
export interface TrafficShape {
  crossings: number
  seed?: number
  years?: number
}

/** The traffic of the options, a batch of whole travellers at a time. */
export function* trafficBatches(o: TrafficShape, size: number): Generator<TrafficBatch> {
  // Document numbers must be unique across runs; the tag keeps a second run from colliding with the first.
  const runTag = randomBytes(3).toString('hex').toUpperCase()
  const years = o.years ?? 3
  const from = new Date(Date.UTC(new Date().getUTCFullYear() - years, 0, 1))
  const newId = orderedIds()
  let batch = new TrafficBatch(newId)
  for (const { traveller, movements } of syntheticTraffic({
    seed: o.seed ?? 1,
    movements: o.crossings,
    from,
    days: Math.round(years * 365),
  })) {
    batch.add(traveller, movements, runTag)
    if (batch.movements < size) continue
    yield batch
    batch = new TrafficBatch(newId)
  }
  if (batch.movements > 0) yield batch
}
