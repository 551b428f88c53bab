/**
 * The differencing attacker for tests, written apart from the publication code so that it checks it rather
 * than repeats it. Published figures are equations over base cells (a row of 0/1 per base cell); the attacker
 * solves them exactly, over the rationals, and a target cell is pinned down when no other world fits every
 * figure it saw.
 */

/** A published figure as the reader sees it: a number, or withheld. */
export type Output = string

export function outputOf(value: number | null): Output {
  return value === null ? 'withheld' : String(value)
}

/** Every output the publisher can give for a count, over every cell key (0 … 4095): what the attacker knows. */
export function supportFrom(
  publishOne: (count: number, keySum: number) => Output,
): (count: number) => Set<Output> {
  const memo = new Map<number, Set<Output>>()
  return (count) => {
    let outputs = memo.get(count)
    if (!outputs) {
      outputs = new Set(Array.from({ length: 4096 }, (_, k) => publishOne(count, k)))
      memo.set(count, outputs)
    }
    return outputs
  }
}

/** Exact rationals: elimination over floats could call a combination exact that is not. */
class Q {
  constructor(
    readonly n: bigint,
    readonly d: bigint = 1n,
  ) {}
  static of(n: number): Q {
    return new Q(BigInt(n))
  }
  private static norm(n: bigint, d: bigint): Q {
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b))
    const g = gcd(n, d) || 1n
    const sign = d < 0n ? -1n : 1n
    return new Q((sign * n) / g, (sign * d) / g)
  }
  sub(o: Q): Q {
    return Q.norm(this.n * o.d - o.n * this.d, this.d * o.d)
  }
  mul(o: Q): Q {
    return Q.norm(this.n * o.n, this.d * o.d)
  }
  div(o: Q): Q {
    return Q.norm(this.n * o.d, this.d * o.n)
  }
  get zero(): boolean {
    return this.n === 0n
  }
}

/**
 * Whether `target` is a linear combination of `rows` (Gaussian elimination over the rationals): exactly the
 * cells that differencing — any sums and differences of published figures — can reach.
 */
export function inRowSpan(rows: readonly (readonly number[])[], target: readonly number[]): boolean {
  const width = target.length
  const basis: Q[][] = []
  const pivots: number[] = []
  const reduce = (row: Q[]) => {
    basis.forEach((b, i) => {
      const p = pivots[i] ?? 0
      const f = row[p] ?? Q.of(0)
      if (f.zero) return
      for (let j = 0; j < width; j++) row[j] = (row[j] ?? Q.of(0)).sub(f.mul(b[j] ?? Q.of(0)))
    })
    return row
  }
  for (const r of rows) {
    const row = reduce(r.map(Q.of))
    const p = row.findIndex((x) => !x.zero)
    if (p < 0) continue
    const pivot = row[p] ?? Q.of(1)
    const normalised = row.map((x) => x.div(pivot))
    // Keep the basis fully reduced so that reduce() needs one pass.
    for (let i = 0; i < basis.length; i++) {
      const b = basis[i] ?? []
      const f = b[p] ?? Q.of(0)
      if (!f.zero) basis[i] = b.map((x, j) => x.sub(f.mul(normalised[j] ?? Q.of(0))))
    }
    basis.push(normalised)
    pivots.push(p)
  }
  return reduce(target.map(Q.of)).every((x) => x.zero)
}

/**
 * Another world — one record more or fewer in the target, added, removed, or moved from or to a cell outside
 * it, possibly with one more record added, removed or moved anywhere — in which every figure the attacker saw
 * could have been published. Returns it described, or null when none of these fits (the search is not
 * exhaustive: null means the target may be pinned down, not that it is).
 */
export function unpinned(o: {
  counts: readonly number[]
  equations: readonly { row: readonly number[]; output: Output }[]
  target: readonly number[]
  support: (count: number) => Set<Output>
}): string | null {
  const inTarget = new Set(o.target)
  const changes: { label: string; delta: Map<number, number> }[] = []
  for (const b of o.target) {
    changes.push({ label: `+1 at ${b}`, delta: new Map([[b, 1]]) })
    if ((o.counts[b] ?? 0) > 0) changes.push({ label: `-1 at ${b}`, delta: new Map([[b, -1]]) })
    for (let other = 0; other < o.counts.length; other++) {
      if (inTarget.has(other)) continue
      if ((o.counts[other] ?? 0) > 0)
        changes.push({
          label: `${other} → ${b}`,
          delta: new Map([
            [other, -1],
            [b, 1],
          ]),
        })
      if ((o.counts[b] ?? 0) > 0)
        changes.push({
          label: `${b} → ${other}`,
          delta: new Map([
            [b, -1],
            [other, 1],
          ]),
        })
    }
  }
  const fits = (delta: Map<number, number>) =>
    o.equations.every(({ row, output }) => {
      let count = 0
      row.forEach((x, i) => {
        count += x * ((o.counts[i] ?? 0) + (delta.get(i) ?? 0))
      })
      return count >= 0 && o.support(count).has(output)
    })
  const single = changes.find((c) => fits(c.delta))
  if (single) return single.label
  // Two records at once: a change the figures bound from one side can be paid for by another.
  const moves: { label: string; delta: Map<number, number> }[] = []
  for (let other = 0; other < o.counts.length; other++)
    for (let to = 0; to < o.counts.length; to++)
      if (other !== to && (o.counts[other] ?? 0) > 0)
        moves.push({
          label: `${other} → ${to}`,
          delta: new Map([
            [other, -1],
            [to, 1],
          ]),
        })
  for (const c of changes)
    for (const m of [...changes, ...moves]) {
      const delta = new Map(c.delta)
      for (const [cell, d] of m.delta) delta.set(cell, (delta.get(cell) ?? 0) + d)
      const shift = o.target.reduce((s, b) => s + (delta.get(b) ?? 0), 0)
      const valid = [...delta].every(([cell, d]) => (o.counts[cell] ?? 0) + d >= 0)
      if (shift !== 0 && valid && fits(delta)) return `${c.label}, ${m.label}`
    }
  return null
}
