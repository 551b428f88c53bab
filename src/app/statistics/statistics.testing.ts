import { randomUUID } from 'node:crypto'
import { ageOn } from '../../domain/statistics/calendar.ts'
import type { StatisticsRecord } from '../../domain/statistics/dimensions.ts'
import type { Executor } from '../../platform/db/database.ts'

/** What a test says about one crossing; each gets its own traveller and passport. */
export interface CrossingFact {
  day: string
  post: string
  direction: 'entry' | 'exit'
  decision: 'admit' | 'refuse' | 'refer_secondary'
  refusalReason?: string | null
  purpose?: string | null
  sex?: 'M' | 'F' | 'X' | null
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string | null
  nationality?: string | null
  /** A fixed crossing id (its record key follows from it); random when absent. */
  id?: string
}

export const POSTS = ['LAND-POIPET', 'LAND-BAVET', 'AIR-TECHO'] as const
export const REASONS = ['no_valid_visa', 'false_document', 'entry_ban'] as const

async function officerId(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'officer.poipet')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Inserts the crossings in one statement per table, as a bulk writer would. Returns the crossing ids. */
export async function insertCrossings(db: Executor, facts: readonly CrossingFact[]): Promise<string[]> {
  if (facts.length === 0) return []
  const officer = await officerId(db)
  const rows = facts.map((f) => ({
    f,
    traveller: randomUUID(),
    document: randomUUID(),
    id: f.id ?? randomUUID(),
  }))
  await db
    .insertInto('travellers')
    .values(
      rows.map(({ f, traveller }) => ({
        id: traveller,
        surname: 'TEST',
        given_names: 'STATISTICS',
        birth_date: f.birthDate ?? null,
        sex: f.sex ?? null,
        nationality: f.nationality ?? null,
      })),
    )
    .execute()
  const now = new Date()
  await db
    .insertInto('travel_documents')
    .values(
      rows.map(({ f, traveller, document }) => ({
        id: document,
        traveller_id: traveller,
        issuing_state: f.nationality ?? 'THA',
        document_code: 'P',
        document_number: document.slice(0, 12),
        source: 'manual' as const,
        surname: 'TEST',
        given_names: 'STATISTICS',
        first_seen_at: now,
        last_seen_at: now,
        read_count: 1,
        created_by: officer,
      })),
    )
    .execute()
  await db
    .insertInto('crossings')
    .values(
      rows.map(({ f, traveller, document, id }) => ({
        id,
        traveller_id: traveller,
        document_id: document,
        post_code: f.post,
        counter: 'T1',
        officer_id: officer,
        agency_code: 'GDI',
        crossed_at: new Date(`${f.day}T09:00:00+07:00`),
        crossed_on: f.day,
        direction: f.direction,
        purpose: f.purpose ?? null,
        decision: f.decision,
        refusal_reason: f.decision === 'refuse' ? (f.refusalReason ?? 'no_valid_visa') : null,
        flags: '[]',
      })),
    )
    .execute()
  return rows.map((r) => r.id)
}

/** A partial birth date read as its first day, as the rollup does. */
function fullDate(birthDate: string): string {
  return birthDate.length === 4
    ? `${birthDate}-01-01`
    : birthDate.length === 7
      ? `${birthDate}-01`
      : birthDate
}

/** The crossing as the pure domain counts it, for brute-force comparison. */
export function recordOf(f: CrossingFact): StatisticsRecord {
  const age = f.birthDate ? ageOn(fullDate(f.birthDate), f.day) : null
  return {
    date: f.day,
    post: f.post,
    direction: f.direction,
    outcome: f.decision,
    refusalReason: f.decision === 'refuse' ? (f.refusalReason ?? 'no_valid_visa') : null,
    travelPurpose: f.purpose ?? null,
    sex: f.sex ?? null,
    age: age !== null && age >= 0 ? Math.min(age, 100) : null,
    nationality: f.nationality ?? null,
    documentType: 'P',
  }
}
