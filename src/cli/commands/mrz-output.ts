import type { Writable } from 'node:stream'

const SIZE = 256 * 1024

/**
 * JSON lines written straight into large buffers, one write per 256 KiB. Building each line as a string first
 * (concatenations, then one flattening and encoding per line) spent more time, and more garbage collection, than
 * parsing the documents: here constants and numbers are copied byte by byte (they are ASCII) and a JSON string is
 * copied byte by byte while it is printable ASCII, the common case; any other string goes through
 * `JSON.stringify` and is written as UTF-8, so the bytes are exactly what `JSON.stringify` gives.
 */
export class ChunkedOutput {
  private buffer = Buffer.allocUnsafe(SIZE)
  private used = 0
  private closed = false

  constructor(private readonly out: Writable) {
    // A consumer that stops reading (`passage mrz < in | head`) ends the run quietly instead of crashing it.
    out.on('error', this.onError)
  }

  private readonly onError = () => {
    this.closed = true
  }

  /** The consumer went away: nothing more will be written. */
  get isClosed(): boolean {
    return this.closed
  }

  get pending(): number {
    return this.used
  }

  /** ASCII text as it is: the JSON punctuation and keys, numbers, booleans. */
  raw(text: string): void {
    this.room(text.length)
    // A loop in JavaScript: for a few bytes, a call into the runtime (`latin1Write`) cost several times more.
    const b = this.buffer
    let at = this.used
    for (let i = 0; i < text.length; i++) b[at++] = text.charCodeAt(i)
    this.used = at
  }

  /** A JSON string (or `null`). */
  string(s: string | null | undefined): void {
    if (s === null || s === undefined) {
      this.raw('null')
      return
    }
    this.room(s.length + 2)
    const b = this.buffer
    let at = this.used
    b[at++] = 34
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      // Controls, quote, backslash and anything past ASCII: JSON.stringify's own escaping and UTF-8.
      if (c < 32 || c > 126 || c === 34 || c === 92) {
        this.escaped(s)
        return
      }
      b[at++] = c
    }
    b[at++] = 34
    this.used = at
  }

  /**
   * A number as `JSON.stringify` writes it. Integers below a billion (ages, days, positions: all of them here)
   * are written digit by digit, without the string `String(v)` would make for each; any other number as that
   * string, non-finite ones and null as `null`.
   */
  number(v: number | null | undefined): void {
    if (v === null || v === undefined || !Number.isFinite(v)) {
      this.raw('null')
      return
    }
    let n = v < 0 ? -v : v
    if (n >= 1e9 || (n | 0) !== n) {
      this.raw(String(v))
      return
    }
    this.room(11)
    const b = this.buffer
    if (v < 0) b[this.used++] = 45
    let digits = 1
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits++
    let at = this.used + digits
    this.used = at
    do {
      b[--at] = 48 + (n % 10)
      n = (n / 10) | 0
    } while (n > 0)
  }

  /** The end of a line. */
  newline(): void {
    this.room(1)
    this.buffer[this.used++] = 10
  }

  private escaped(s: string): void {
    this.utf8(JSON.stringify(s))
  }

  /** Any text, as UTF-8. */
  utf8(text: string): void {
    // A character takes at most three UTF-8 bytes (a surrogate pair four, for two characters).
    this.room(text.length * 3)
    this.used += this.buffer.write(text, this.used, 'utf8')
  }

  private room(bytes: number): void {
    if (this.used + bytes > this.buffer.length) this.swap(Math.max(SIZE, bytes))
  }

  /** Writes what was gathered and waits until the stream wants more (constant memory for any input). */
  async flush(): Promise<void> {
    if (this.used === 0 || this.closed) return
    const full = this.buffer.subarray(0, this.used)
    this.buffer = Buffer.allocUnsafe(SIZE)
    this.used = 0
    if (!this.out.write(full) && !this.closed) await drained(this.out)
  }

  /** Lines written elsewhere (a parsing worker's buffers), after what was gathered here. */
  async passThrough(parts: readonly Uint8Array[]): Promise<void> {
    await this.flush()
    for (const part of parts) {
      if (this.closed) return
      if (!this.out.write(part) && !this.closed) await drained(this.out)
    }
  }

  end(): void {
    this.out.off('error', this.onError)
  }

  /** The buffer is handed to the stream as is, so a full one is queued and a fresh one started (a line may span two). */
  private swap(size: number): void {
    if (this.used > 0 && !this.closed) this.out.write(this.buffer.subarray(0, this.used))
    this.buffer = Buffer.allocUnsafe(size)
    this.used = 0
  }
}

function drained(out: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done)
      out.off('error', done)
      out.off('close', done)
      resolve()
    }
    out.once('drain', done)
    out.once('error', done)
    out.once('close', done)
  })
}
