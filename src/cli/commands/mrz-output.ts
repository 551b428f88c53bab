import type { Writable } from 'node:stream'

const SIZE = 256 * 1024

/**
 * Node's own Latin-1 copy (documented only through `buf.write(text, offset, 'latin1')`, which goes through an
 * encoding lookup per call and measured an order of magnitude slower for short lines).
 */
type Latin1Writable = Buffer & { latin1Write(text: string, offset: number): number }

/**
 * Lines gathered into large writes. Concatenating the lines into one string and letting the stream encode it
 * spent more time flattening and encoding than parsing; ASCII lines (nearly all) are copied as Latin-1
 * straight into a buffer, others as UTF-8.
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

  add(text: string, ascii: boolean): void {
    // A character takes at most three UTF-8 bytes (a surrogate pair four, for two characters); one newline.
    const room = (ascii ? text.length : text.length * 3) + 1
    if (this.used + room > this.buffer.length) this.swap(Math.max(SIZE, room))
    this.used += ascii
      ? (this.buffer as Latin1Writable).latin1Write(text, this.used)
      : this.buffer.write(text, this.used, 'utf8')
    this.buffer[this.used++] = 10
  }

  /** Writes what was gathered and waits until the stream wants more (constant memory for any input). */
  async flush(): Promise<void> {
    if (this.used === 0 || this.closed) return
    const full = this.buffer.subarray(0, this.used)
    this.buffer = Buffer.allocUnsafe(SIZE)
    this.used = 0
    if (!this.out.write(full) && !this.closed) await drained(this.out)
  }

  end(): void {
    this.out.off('error', this.onError)
  }

  /** The buffer is handed to the stream as is, so a full one is queued and a fresh one started. */
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
