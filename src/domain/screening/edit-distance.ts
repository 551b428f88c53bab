/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, each costing 1), cut
 * short once it exceeds `max`: the caller only needs to know whether two parts are within a budget.
 * Returns `max + 1` for anything further away.
 */
let prev2 = new Int32Array(64)
let prev = new Int32Array(64)
let curr = new Int32Array(64)

export function boundedEditDistance(a: string, b: string, max: number): number {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  if (la === 0 || lb === 0) return Math.max(la, lb) > max ? max + 1 : Math.max(la, lb)
  if (prev.length <= lb) {
    prev2 = new Int32Array(lb * 2 + 2)
    prev = new Int32Array(lb * 2 + 2)
    curr = new Int32Array(lb * 2 + 2)
  }
  for (let j = 0; j <= lb; j++) prev[j] = j
  for (let i = 1; i <= la; i++) {
    curr[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1)
      let d = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1))
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        d = Math.min(d, prev2[j - 2]! + 1)
      curr[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = curr
    curr = t
  }
  const d = prev[lb]!
  return d > max ? max + 1 : d
}
