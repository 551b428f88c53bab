/**
 * `stat_record_key` (migration 0014) for the COPY seed's own count: the first 12 bits of SHA-256(secret ‖ id),
 * for millions of ids under one secret. Why not `node:crypto` (or `@noble/hashes`): each call costs about 3 µs,
 * nearly all of it the call itself — 30 s of the seed's CPU at ten million crossings, on the process that
 * generates the rows and paces the whole copy. Here the secret's whole 64-byte blocks are compressed once
 * (the "midstate"), and each id costs the compression of its last one or two blocks in plain JavaScript, with no
 * allocation. Checked against `node:crypto` on random secrets and ids of every length around the block edges
 * (`seed-traffic-record-key.test.ts`); the seed's cuboids are checked against the database's own keys
 * (`seed-traffic-copy.test.ts`). The compression is FIPS 180-4's, written plainly.
 */

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])
const INITIAL = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
])

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))

/** One SHA-256 compression of the 64 bytes at `at` of `block` into `state`, with `w` as scratch. */
function compress(state: Int32Array, block: Uint8Array, at: number, w: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    const j = at + i * 4
    w[i] = (block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!
  }
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15]!
    const b = w[i - 2]!
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0
  }
  let a = state[0]!
  let b = state[1]!
  let c = state[2]!
  let d = state[3]!
  let e = state[4]!
  let f = state[5]!
  let g = state[6]!
  let h = state[7]!
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  state[0] = (state[0]! + a) | 0
  state[1] = (state[1]! + b) | 0
  state[2] = (state[2]! + c) | 0
  state[3] = (state[3]! + d) | 0
  state[4] = (state[4]! + e) | 0
  state[5] = (state[5]! + f) | 0
  state[6] = (state[6]! + g) | 0
  state[7] = (state[7]! + h) | 0
}

export class RecordKeys {
  private readonly midstate = new Int32Array(8)
  private readonly state = new Int32Array(8)
  private readonly w = new Int32Array(64)
  /** The secret's bytes after its last whole block, then room for an id and the padding. */
  private readonly tail: Uint8Array
  private readonly tailLength: number
  private readonly prefixLength: number
  private readonly block = new Uint8Array(128)

  constructor(secret: string) {
    const bytes = new TextEncoder().encode(secret)
    this.prefixLength = bytes.length
    this.midstate.set(INITIAL)
    const whole = bytes.length - (bytes.length % 64)
    for (let at = 0; at < whole; at += 64) compress(this.midstate, bytes, at, this.w)
    this.tail = bytes.subarray(whole)
    this.tailLength = bytes.length - whole
  }

  /** The 12-bit key of a record id (ASCII, as every uuid is; anything else takes its UTF-8 bytes). */
  of(id: string): number {
    // Room for the padding: at most two blocks on this path.
    if (this.tailLength + id.length > 119) return this.ofBytes(id)
    const block = this.block
    block.set(this.tail)
    let n = this.tailLength
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i)
      if (code > 0x7f) return this.ofBytes(id)
      block[n++] = code
    }
    return this.finish(n, this.prefixLength + id.length)
  }

  /** The general path: the id's UTF-8 bytes, through as many blocks as they take. */
  private ofBytes(id: string): number {
    const bytes = new TextEncoder().encode(id)
    const all = new Uint8Array(this.tailLength + bytes.length + 72)
    all.set(this.tail)
    all.set(bytes, this.tailLength)
    const state = this.state
    state.set(this.midstate)
    const n = this.tailLength + bytes.length
    let at = 0
    while (n - at >= 64) {
      compress(state, all, at, this.w)
      at += 64
    }
    this.block.set(all.subarray(at, n))
    return this.finish(n - at, this.prefixLength + bytes.length, true)
  }

  /** Pads the `n` bytes in `block` (the message `length` bytes long), compresses and returns the top 12 bits. */
  private finish(n: number, length: number, started = false): number {
    const block = this.block
    const state = this.state
    if (!started) state.set(this.midstate)
    let used = n
    block[used++] = 0x80
    const end = used + 8 <= 64 ? 64 : 128
    block.fill(0, used, end)
    const bits = length * 8
    block[end - 4] = (bits >>> 24) & 0xff
    block[end - 3] = (bits >>> 16) & 0xff
    block[end - 2] = (bits >>> 8) & 0xff
    block[end - 1] = bits & 0xff
    block[end - 5] = Math.floor(bits / 2 ** 32) & 0xff
    compress(state, block, 0, this.w)
    if (end === 128) compress(state, block, 64, this.w)
    return state[0]! >>> 20
  }
}
