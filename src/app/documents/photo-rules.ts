import { createHash } from 'node:crypto'
import { AppError } from '../../platform/errors/codes.ts'
import { imageDimensions } from './image-header.ts'

/** Photos an officer takes of a document: a phone or document-camera picture, never a scan at print quality. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoType = (typeof PHOTO_TYPES)[number]
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b)

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

/**
 * The image type the bytes actually are, from their signature; null when none of the accepted ones. The
 * declared content type must agree, so a file is never stored, or later served, as something it is not.
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return null
}

/** Largest photo accepted, read from the image's header (PHOTO_MAX_DIMENSION, PHOTO_MAX_PIXELS). */
export interface PhotoLimits {
  maxDimension: number
  maxPixels: number
}

/**
 * The image's width and height from its header (`image-header.ts`: the header only, nothing is decoded). A file
 * whose header cannot be read is not an image; one larger than the limits (a 20000×20000 PNG of a few kilobytes
 * decodes to 1.6 GB in every browser that shows it) is refused. Called once the signature matched the type.
 */
function checkDimensions(bytes: Buffer, contentType: PhotoType, limits: PhotoLimits) {
  const size = imageDimensions(bytes)
  if (!size)
    throw new AppError('validation_failed', {}, [
      { path: 'body', code: 'validation.not_an_image', params: { format: contentType } },
    ])
  const { width, height } = size
  if (width > limits.maxDimension || height > limits.maxDimension || width * height > limits.maxPixels)
    throw new AppError('validation_failed', {}, [
      {
        path: 'body',
        code: 'validation.image_too_large',
        params: { width, height, maxDimension: limits.maxDimension, maxPixels: limits.maxPixels },
      },
    ])
}

/**
 * Bytes accepted as a photo of the declared type, with their size and digest as stored beside them; anything empty,
 * too large (in bytes or in pixels) or not what it claims to be is refused before it reaches the database.
 */
export function checkedPhoto(bytes: Buffer, contentType: PhotoType, limits: PhotoLimits) {
  if (bytes.length === 0)
    throw new AppError('validation_failed', {}, [
      { path: 'body', code: 'validation.too_small', params: { minimum: 1 } },
    ])
  if (bytes.length > PHOTO_MAX_BYTES) throw new AppError('body_too_large')
  if (sniffPhotoType(bytes) !== contentType)
    throw new AppError('validation_failed', {}, [
      { path: 'body', code: 'validation.invalid_format', params: { format: contentType } },
    ])
  checkDimensions(bytes, contentType, limits)
  return {
    content_type: contentType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes,
  }
}
