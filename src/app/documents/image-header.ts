/**
 * Width and height of a PNG, JPEG or WebP image from its header, without decoding a pixel; null when the header
 * is not a well-formed one of these. Our own parse rather than a library: only the three types a photo may be are
 * read, each in a few lines of its specification, and a refusal must not depend on a general decoder's leniency.
 */
export function imageDimensions(b: Uint8Array): { width: number; height: number } | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const tag = (at: number) => String.fromCharCode(...b.subarray(at, at + 4))
  // PNG: the signature, then IHDR first, its width and height big-endian (PNG spec §11.2.2).
  if (b.length >= 24 && b[0] === 0x89 && tag(12) === 'IHDR') return sized(v.getUint32(16), v.getUint32(20))
  // WebP: RIFF container, then a lossy (VP8), lossless (VP8L) or extended (VP8X) first chunk (RFC 9649).
  if (b.length >= 30 && tag(0) === 'RIFF' && tag(8) === 'WEBP') {
    const kind = tag(12)
    if (kind === 'VP8X')
      return sized(1 + (v.getUint32(24, true) & 0xffffff), 1 + (v.getUint32(26, true) >>> 8))
    if (kind === 'VP8L' && b[20] === 0x2f) {
      const bits = v.getUint32(21, true)
      return sized(1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff))
    }
    if (kind === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a)
      return sized(v.getUint16(26, true) & 0x3fff, v.getUint16(28, true) & 0x3fff)
    return null
  }
  // JPEG: walk the marker segments from SOI to the first start-of-frame (ITU T.81 §B.2).
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let at = 2
    while (at + 9 < b.length) {
      if (b[at] !== 0xff) return null
      const marker = b[at + 1]!
      if (marker === 0xff) {
        at++
        continue
      }
      const length = v.getUint16(at + 2)
      const isFrame =
        marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
      if (isFrame) return sized(v.getUint16(at + 7), v.getUint16(at + 5))
      if (length < 2) return null
      at += 2 + length
    }
  }
  return null
}

const sized = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : null)
