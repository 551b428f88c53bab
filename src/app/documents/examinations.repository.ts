import type { Executor } from '../../platform/db/database.ts'
import type { ExaminationRow, NewExaminationRow, PhotoRow } from './documents.tables.ts'

export function listExaminationsOfDocument(db: Executor, documentId: string): Promise<ExaminationRow[]> {
  return db
    .selectFrom('document_examinations')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('examined_at', 'desc')
    .execute()
}

export function findExamination(db: Executor, id: string): Promise<ExaminationRow | undefined> {
  return db.selectFrom('document_examinations').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertExamination(db: Executor, row: NewExaminationRow): Promise<ExaminationRow> {
  return db.insertInto('document_examinations').values(row).returningAll().executeTakeFirstOrThrow()
}

export type PhotoInfo = Omit<PhotoRow, 'bytes'>

/** The photos' descriptions, without their bytes: a list never loads images. */
export function listPhotosOf(db: Executor, examinationIds: string[]): Promise<PhotoInfo[]> {
  if (examinationIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('document_photos')
    .select(['id', 'examination_id', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'])
    .where('examination_id', 'in', examinationIds)
    .orderBy('uploaded_at')
    .execute()
}

export function findPhoto(db: Executor, id: string): Promise<PhotoRow | undefined> {
  return db.selectFrom('document_photos').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertPhoto(db: Executor, row: PhotoRow): Promise<PhotoInfo> {
  return db
    .insertInto('document_photos')
    .values(row)
    .returning(['id', 'examination_id', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'])
    .executeTakeFirstOrThrow()
}

export interface FindingCount {
  finding: string
  issuingState: string
  postCode: string | null
  count: number
}

/** Findings counted by finding, issuing state and post over a period, narrowed to a post or agency. */
export async function countFindings(
  db: Executor,
  f: { from: Date; to: Date; postCode?: string; agencyCode?: string },
): Promise<FindingCount[]> {
  let q = db
    .selectFrom('document_examinations')
    .select((eb) => ['finding', 'issuing_state', 'post_code', eb.fn.countAll<number>().as('n')])
    .where('examined_at', '>=', f.from)
    .where('examined_at', '<', f.to)
  if (f.postCode) q = q.where('post_code', '=', f.postCode)
  if (f.agencyCode) q = q.where('agency_code', '=', f.agencyCode)
  const rows = await q
    .groupBy(['finding', 'issuing_state', 'post_code'])
    .orderBy('finding')
    .orderBy('issuing_state')
    .orderBy('post_code')
    .execute()
  return rows.map((r) => ({
    finding: r.finding,
    issuingState: r.issuing_state,
    postCode: r.post_code,
    count: Number(r.n),
  }))
}
