/**
 * The fixed split of the public pairs (issue 19): FNV-1a (32-bit) over both names, joined by U+0000, as
 * UTF-16-independent code points; an even hash is `held-out`, an odd one `dev`. About half of every
 * source and script falls on each side, and a pair keeps its side whatever is added or reordered.
 */
export function splitOf(a: string, b: string): 'dev' | 'held-out' {
  let h = 0x811c9dc5
  for (const ch of `${a}\u0000${b}`) {
    h ^= ch.codePointAt(0)!
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h % 2 === 0 ? 'held-out' : 'dev'
}
