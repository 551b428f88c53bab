import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { RecordKeys } from './seed-traffic-record-key.ts'

const expected = (secret: string, id: string) => {
  const h = createHash('sha256')
    .update(secret + id, 'utf8')
    .digest()
  return h[0]! * 16 + (h[1]! >> 4)
}

describe("the seed's record keys", () => {
  it('equal the first 12 bits of SHA-256(secret ‖ id) for secrets and ids of every length around the block edges', () => {
    for (let secretLength = 0; secretLength <= 140; secretLength++) {
      const secret = randomBytes(secretLength).toString('base64').slice(0, secretLength)
      const keys = new RecordKeys(secret)
      for (const idLength of [
        0,
        1,
        36,
        55 - (secretLength % 64),
        56 - (secretLength % 64),
        64,
        119,
        120,
        200,
      ]) {
        if (idLength < 0) continue
        const id = randomBytes(idLength).toString('hex').slice(0, idLength)
        expect(keys.of(id), `${secretLength}+${idLength}`).toBe(expected(secret, id))
      }
    }
  })

  it('equal them for the uuids the seed writes, one keyer reused many times', () => {
    const secret = randomUUID() + randomUUID()
    const keys = new RecordKeys(secret)
    for (let i = 0; i < 3000; i++) {
      const id = randomUUID()
      expect(keys.of(id)).toBe(expected(secret, id))
    }
  })

  it('take non-ASCII secrets and ids as UTF-8, as PostgreSQL converts them', () => {
    for (const [secret, id] of [
      ['ស្វាយរៀង', randomUUID()],
      [randomUUID(), 'ប៉ោយប៉ែត\u0000😀'],
      ['', 'é'.repeat(80)],
    ] as const)
      expect(new RecordKeys(secret).of(id)).toBe(expected(secret, id))
  })
})
