import { z } from 'zod'
import type { ExaminationRow } from './documents.tables.ts'
import type { PhotoInfo } from './examinations.repository.ts'

export const PhotoView = z.object({
  id: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
})

export const ExaminationView = z.object({
  id: z.string(),
  documentId: z.string(),
  templateId: z.string(),
  finding: z.string(),
  results: z.record(z.string(), z.string()),
  notes: z.string(),
  postCode: z.string().nullable(),
  agencyCode: z.string(),
  examinedAt: z.string(),
  photos: z.array(PhotoView),
})

export function presentPhoto(p: PhotoInfo) {
  return {
    id: p.id,
    contentType: p.content_type,
    size: p.size,
    sha256: p.sha256,
    uploadedAt: p.uploaded_at.toISOString(),
  }
}

/** An examination as the officer recorded it; the examiner is in the audit log, not in the view. */
export function presentExamination(e: ExaminationRow, photos: PhotoInfo[]) {
  return {
    id: e.id,
    documentId: e.document_id,
    templateId: e.template_id,
    finding: e.finding,
    results: e.results,
    notes: e.notes,
    postCode: e.post_code,
    agencyCode: e.agency_code,
    examinedAt: e.examined_at.toISOString(),
    photos: photos.filter((p) => p.examination_id === e.id).map(presentPhoto),
  }
}
