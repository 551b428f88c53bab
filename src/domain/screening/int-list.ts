/** A growable list of 32-bit integers in one typed array: a million postings cost 4 MB, not 8–16. */
export class IntList {
  data: Int32Array
  length = 0

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity)
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(
        this.data.length < 1024 ? this.data.length * 2 : Math.ceil(this.data.length * 1.5),
      )
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  /** Keeps the values `keep` accepts, in order, and gives back unused capacity. */
  filter(keep: (value: number) => boolean): void {
    let n = 0
    for (let i = 0; i < this.length; i++) {
      const v = this.data[i]!
      if (keep(v)) this.data[n++] = v
    }
    this.length = n
    if (this.data.length > 16 && n < this.data.length / 4) this.data = this.data.slice(0, Math.max(4, n * 2))
  }

  /** Bytes held, for memory accounting. */
  get bytes(): number {
    return this.data.byteLength
  }
}
