/**
 * Jaro-Winkler similarity (Winkler 1990: prefix scale 0.1, at most 4 prefix characters, the bonus only
 * when Jaro ≥ 0.7). Works on UTF-16 code units, which is enough for the folded ASCII parts it is given.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1
  if (a.length === 0 || b.length === 0) return 0
  const jaro = jaroSimilarity(a, b)
  if (jaro < 0.7) return jaro
  let prefix = 0
  const max = Math.min(4, a.length, b.length)
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

// Scratch flags reused across calls: the comparison runs millions of times in a search.
let matchedA = new Uint8Array(64)
let matchedB = new Uint8Array(64)

function jaroSimilarity(a: string, b: string): number {
  const la = a.length
  const lb = b.length
  if (matchedA.length < la) matchedA = new Uint8Array(la * 2)
  if (matchedB.length < lb) matchedB = new Uint8Array(lb * 2)
  matchedA.fill(0, 0, la)
  matchedB.fill(0, 0, lb)
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window)
    const hi = Math.min(lb - 1, i + window)
    const ch = a.charCodeAt(i)
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] || b.charCodeAt(j) !== ch) continue
      matchedA[i] = 1
      matchedB[j] = 1
      matches++
      break
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue
    while (!matchedB[k]) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++
    k++
  }
  const m = matches
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3
}
