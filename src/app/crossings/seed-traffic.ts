import { randomBytes, randomUUID } from 'node:crypto'
import {
  type SyntheticMovement,
  type SyntheticTraveller,
  syntheticTraffic,
} from '../../domain/crossings/synthetic-traffic.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import { hashPassword } from '../../platform/auth/password-hash.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { cambodiaDayOf } from '../../platform/time/cambodia-day.ts'
import { systemActor } from '../identity/manage-users.ts'

const SYNTHETIC_OFFICER = 'synthetic.traffic'
// Multi-row INSERTs of this size stay under PostgreSQL's 65,535 bind parameters (crossings have 22 columns).
const BATCH = 2000

/** The disabled account every synthetic movement is recorded by, so real officers' statistics stay apart. */
async function syntheticOfficer(db: Db): Promise<string> {
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', SYNTHETIC_OFFICER)
    .executeTakeFirst()
  if (found) return found.id
  const id = randomUUID()
  await db
    .insertInto('users')
    .values({
      id,
      username: SYNTHETIC_OFFICER,
      display_name: 'Synthetic traffic',
      role: 'frontline_officer',
      agency_code: 'GDI',
      post_code: null,
      scope: 'national',
      password_hash: await hashPassword(randomBytes(24).toString('base64url')),
      must_change_password: true,
      disabled: true,
      password_changed_at: new Date(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
  return (
    await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', SYNTHETIC_OFFICER)
      .executeTakeFirstOrThrow()
  ).id
}

function transportOf(post: string): 'air' | 'land' | 'sea' | 'river' {
  return post.startsWith('AIR-')
    ? 'air'
    : post.startsWith('SEA-')
      ? 'sea'
      : post.startsWith('RIVER-')
        ? 'river'
        : 'land'
}

interface Pending {
  travellers: { t: SyntheticTraveller; id: string; documentId: string }[]
  movements: {
    m: SyntheticMovement
    travellerId: string
    documentId: string
    id: string
    previous: string | null
    matched: string | null
  }[]
}

async function flush(trx: Tx, p: Pending, officerId: string, runTag: string): Promise<void> {
  if (!p.travellers.length) return
  const now = new Date()
  await trx
    .insertInto('travellers')
    .values(
      p.travellers.map(({ t, id }) => ({
        id,
        surname: t.surname.toUpperCase(),
        given_names: t.givenNames.toUpperCase(),
        birth_date: t.birthDate,
        sex: t.sex,
        nationality: t.nationality,
      })),
    )
    .execute()
  await trx
    .insertInto('travel_documents')
    .values(
      p.travellers.map(({ t, id, documentId }) => ({
        id: documentId,
        traveller_id: id,
        issuing_state: t.nationality,
        document_code: 'P',
        document_number: `${runTag}${t.documentNumber}`,
        format: 'TD3' as const,
        source: 'manual' as const,
        nationality: t.nationality,
        surname: t.surname.toUpperCase(),
        given_names: t.givenNames.toUpperCase(),
        birth_date: t.birthDate,
        sex: t.sex,
        expiry_date: '2031-12-31',
        first_seen_at: now,
        last_seen_at: now,
        read_count: 1,
        created_by: officerId,
      })),
    )
    .execute()
  for (let i = 0; i < p.movements.length; i += BATCH) {
    await trx
      .insertInto('crossings')
      .values(
        p.movements.slice(i, i + BATCH).map(({ m, id, travellerId, documentId, previous, matched }) => ({
          id,
          traveller_id: travellerId,
          document_id: documentId,
          post_code: m.postCode,
          counter: '1',
          officer_id: officerId,
          agency_code: 'GDI',
          crossed_at: m.at,
          crossed_on: cambodiaDayOf(m.at),
          direction: m.direction,
          purpose: m.purpose,
          permitted_stay_days: m.permittedStayDays,
          transport: transportOf(m.postCode),
          decision: m.decision,
          refusal_reason: m.refusalReason,
          matched_entry_id: matched,
          stay_days: m.stayDays,
          overstay_days: m.overstayDays,
          flags: JSON.stringify(m.overstayDays ? ['overstay'] : []),
          previous_admitted_id: previous,
        })) as never,
      )
      .execute()
  }
  p.travellers = []
  p.movements = []
}

export interface TrafficReport {
  travellers: number
  movements: number
  seconds: number
}

/**
 * Writes synthetic traffic with multi-row inserts, one transaction per batch of travellers, so a run of ten million
 * movements neither holds one giant transaction nor pays a round trip per row. The run is audited once.
 */
export async function seedTraffic(o: {
  db: Db
  movements: number
  seed?: number
  years?: number
  onProgress?: (done: number) => void
}): Promise<TrafficReport> {
  const started = performance.now()
  const officerId = await syntheticOfficer(o.db)
  // Document numbers must be unique across runs; the tag keeps a second run from colliding with the first.
  const runTag = randomBytes(3).toString('hex').toUpperCase()
  const days = Math.round((o.years ?? 3) * 365)
  const from = new Date(Date.UTC(new Date().getUTCFullYear() - (o.years ?? 3), 0, 1))
  const pending: Pending = { travellers: [], movements: [] }
  let travellers = 0
  let movements = 0
  for (const { traveller, movements: ms } of syntheticTraffic({
    seed: o.seed ?? 1,
    movements: o.movements,
    from,
    days,
  })) {
    const id = randomUUID()
    const documentId = randomUUID()
    pending.travellers.push({ t: traveller, id, documentId })
    let previous: string | null = null
    let openEntry: string | null = null
    for (const m of ms) {
      const row: Pending['movements'][number] = {
        m,
        travellerId: id,
        documentId,
        id: randomUUID(),
        previous,
        matched: m.direction === 'exit' ? openEntry : null,
      }
      pending.movements.push(row)
      if (m.decision === 'admit') {
        previous = row.id
        openEntry = m.direction === 'entry' ? row.id : null
      }
    }
    travellers++
    movements += ms.length
    if (pending.movements.length >= BATCH * 5) {
      await o.db.transaction().execute((trx) => flush(trx, pending, officerId, runTag))
      o.onProgress?.(movements)
    }
  }
  await o.db.transaction().execute(async (trx) => {
    await flush(trx, pending, officerId, runTag)
    await appendAudit(trx, systemActor, {
      action: 'seed_traffic',
      resource: 'crossing',
      details: { travellers, movements, seed: o.seed ?? 1, years: o.years ?? 3 },
    })
  })
  o.onProgress?.(movements)
  return { travellers, movements, seconds: (performance.now() - started) / 1000 }
}
