import { UnreadableFile } from './records.ts'

export interface DecodeProgress {
  bytes: number
}

/**
 * Decodes a byte stream as UTF-8, chunk by chunk, refusing bad encoding (with the line it occurs on) and files
 * larger than `maxBytes`, so a 2 GB upload is stopped early instead of filling memory or the database.
 */
export async function* decodeUtf8(
  source: AsyncIterable<Uint8Array | string>,
  o: { maxBytes: number; onBytes?(bytes: number): void },
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let bytes = 0
  let lines = 1
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    bytes += buf.byteLength
    if (bytes > o.maxBytes) throw new UnreadableFile(lines, 'too_large', { maxBytes: o.maxBytes })
    let text: string
    try {
      text = decoder.decode(buf, { stream: true })
    } catch {
      throw new UnreadableFile(lines + countLines(validPrefix(buf)), 'bad_encoding')
    }
    lines += countLines(text)
    o.onBytes?.(bytes)
    if (text) yield text
  }
  try {
    const rest = decoder.decode()
    if (rest) yield rest
  } catch {
    throw new UnreadableFile(lines, 'bad_encoding')
  }
}

function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** The decodable text before the first bad byte of a chunk, to name the line it is on. */
function validPrefix(buf: Uint8Array): string {
  let lo = 0
  let hi = buf.byteLength
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid), { stream: true })
      lo = mid
    } catch {
      hi = mid - 1
    }
  }
  return new TextDecoder().decode(buf.subarray(0, lo))
}
