import { hash } from 'node:crypto'

/**
 * `stat_record_key` (migration 0014) for the COPY seed's own count: the first 12 bits of SHA-256(secret ‖ id), for
 * millions of ids under one secret. `createHash(…).update(…).digest()` costs 2–4 µs a call, nearly all of it the
 * objects it makes: 30 s of the seed's CPU at ten million crossings, on the process that paces the whole copy. Node's
 * one-shot `crypto.hash` over one reused buffer (the secret's bytes, then the id written after them) costs about
 * 1 µs (measured by hand, 200,000 uuids). A hand-written SHA-256 was as fast and was not kept: hashing is not
 * Passage's to write. Checked against `createHash` (`seed-traffic-record-key.test.ts`).
 */
export class RecordKeys {
  private readonly secret: Buffer
  private buffer: Buffer

  constructor(secret: string) {
    this.secret = Buffer.from(secret, 'utf8')
    this.buffer = Buffer.alloc(this.secret.length + 64)
    this.secret.copy(this.buffer)
  }

  /** The 12-bit key of a record id, taken as UTF-8 (as PostgreSQL's `convert_to(…, 'UTF8')` does). */
  of(id: string): number {
    const size = Buffer.byteLength(id, 'utf8')
    if (this.buffer.length < this.secret.length + size) {
      this.buffer = Buffer.alloc(this.secret.length + size)
      this.secret.copy(this.buffer)
    }
    this.buffer.write(id, this.secret.length, 'utf8')
    const h = hash('sha256', this.buffer.subarray(0, this.secret.length + size), 'buffer')
    return h[0]! * 16 + (h[1]! >> 4)
  }
}
