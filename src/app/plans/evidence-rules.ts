import { createHash } from 'node:crypto'
import { AppError } from '../../platform/errors/codes.ts'
import { checkedPhoto, PHOTO_MAX_BYTES, type PhotoLimits, type PhotoType } from '../documents/photo-rules.ts'

/**
 * Evidence for a reported value (means of verification: a signed register, an attendance sheet, a photo of it):
 * a PDF or one of the photo types, under the same byte limit as every photo upload. Images go through the photo
 * checks (signature, header dimensions); a PDF must start with its signature. Nothing else is stored.
 */
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const
export type EvidenceType = (typeof EVIDENCE_TYPES)[number]
export const EVIDENCE_MAX_BYTES = PHOTO_MAX_BYTES

const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1')

export function checkedEvidence(bytes: Buffer, contentType: EvidenceType, limits: PhotoLimits) {
  // Another type parsed by Fastify's own parsers (text, JSON) arrives here as a string or an object.
  if (!EVIDENCE_TYPES.includes(contentType) || !Buffer.isBuffer(bytes))
    throw new AppError('unsupported_media_type', { types: EVIDENCE_TYPES.join(', ') })
  if (contentType !== 'application/pdf') return checkedPhoto(bytes, contentType as PhotoType, limits)
  if (bytes.length === 0)
    throw new AppError('validation_failed', {}, [
      { path: 'body', code: 'validation.too_small', params: { minimum: 1 } },
    ])
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new AppError('body_too_large')
  if (!bytes.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE))
    throw new AppError('validation_failed', {}, [
      { path: 'body', code: 'validation.invalid_format', params: { format: contentType } },
    ])
  return {
    content_type: contentType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes,
  }
}

/** A file name as shown to reviewers: trimmed, without control characters or path, at most 200 characters. */
export function evidenceName(raw: string): string {
  const name = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  if (!name || name.length > 200)
    throw new AppError('validation_failed', {}, [{ path: 'query.name', code: 'plans.errors.fileName' }])
  return name
}
