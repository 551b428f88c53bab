import { type CaseRecord, newCase } from '../../domain/protection/case-record.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { CaseEventRow, CaseRow, FollowUpRow } from './protection.tables.ts'
import { json } from './protection-actor.ts'

export function findCase(db: Executor, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('protection_cases').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Locks the case for the rest of the transaction: two workers acting at once apply one after the other. */
export function lockCase(db: Executor, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('protection_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function caseRecordOf(row: CaseRow): CaseRecord {
  return { ...(row.record as CaseRecord), id: row.id, state: row.state as CaseRecord['state'] }
}

export async function insertCase(
  db: Executor,
  c: {
    id: string
    personId: string
    agencyCode: string
    identificationId: string | null
    by: string
    at: Date
  },
): Promise<CaseRow> {
  return db
    .insertInto('protection_cases')
    .values({
      id: c.id,
      person_id: c.personId,
      agency_code: c.agencyCode,
      state: 'registered',
      case_worker_id: null,
      record: json(newCase(c.id, c.agencyCode)),
      identification_id: c.identificationId,
      opened_by: c.by,
      opened_at: c.at,
      updated_at: c.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function saveCaseRecord(
  db: Executor,
  id: string,
  record: CaseRecord,
  at: Date,
): Promise<CaseRow> {
  return db
    .updateTable('protection_cases')
    .set({
      state: record.state,
      agency_code: record.agencyId,
      case_worker_id: record.caseWorkerId ?? null,
      record: json(record),
      updated_at: at,
      closed_at: record.state === 'closed' ? at : null,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export interface TimelineEntry {
  caseId: string
  kind: 'opened' | 'transition' | 'referral' | 'service' | 'followUp' | 'identified' | 'exchange'
  event: string
  from?: string | null
  to?: string | null
  by: string
  at: Date
  details?: Record<string, unknown>
}

export async function addTimeline(db: Executor, e: TimelineEntry): Promise<void> {
  await db
    .insertInto('protection_case_events')
    .values({
      case_id: e.caseId,
      kind: e.kind,
      event: e.event,
      from_state: e.from ?? null,
      to_state: e.to ?? null,
      by_user: e.by,
      at: e.at,
      details: json(e.details ?? {}),
    })
    .execute()
}

export function listTimeline(db: Executor, caseId: string): Promise<CaseEventRow[]> {
  return db
    .selectFrom('protection_case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute()
}

export function listFollowUps(db: Executor, caseIds: string[]): Promise<FollowUpRow[]> {
  if (!caseIds.length) return Promise.resolve([])
  return db
    .selectFrom('protection_follow_ups')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('due_date')
    .execute()
}
