/**
 * Lost, stolen and revoked documents are looked up exactly, by issuing state and number. Numbers are
 * typed, scanned and read from the MRZ by OCR, so both sides are normalised first, and the lookup may
 * try the characters a scanner confuses (ICAO Doc 9303 fonts make O/0, I/1, B/8, S/5, Z/2, G/6 alike).
 */

/** Letter ↔ digit pairs that OCR of the MRZ (OCR-B) confuses. */
export const OCR_CONFUSIONS: readonly (readonly [string, string])[] = [
  ['O', '0'],
  ['I', '1'],
  ['B', '8'],
  ['S', '5'],
  ['Z', '2'],
  ['G', '6'],
]

const SWAP: Record<string, string> = Object.fromEntries(
  OCR_CONFUSIONS.flatMap(([l, d]) => [
    [l, d],
    [d, l],
  ]),
)
const TO_DIGIT: Record<string, string> = Object.fromEntries(OCR_CONFUSIONS)

/** Longer than any travel document number (TD3 has 9 characters, national ids rarely above 20). */
export const MAX_DOCUMENT_NUMBER_LENGTH = 30

/**
 * Upper case, diacritics folded, and everything but A–Z and 0–9 removed: spaces, hyphens, slashes and
 * the MRZ filler `<` ("AB 123-456<" → "AB123456").
 */
export function normaliseDocumentNumber(value: string): string {
  return value
    .slice(0, MAX_DOCUMENT_NUMBER_LENGTH * 4)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, MAX_DOCUMENT_NUMBER_LENGTH)
}

/**
 * An ICAO issuing-state code as written in the MRZ: upper case, filler removed ("D<<" → "D", "khm" →
 * "KHM"). Returns undefined unless 1–3 letters remain.
 */
export function normaliseIssuingState(value: string): string | undefined {
  const code = value.slice(0, 10).toUpperCase().replace(/[<\s]/g, '')
  return /^[A-Z]{1,3}$/.test(code) ? code : undefined
}

/** The exact-lookup key of a document: `KHM:N01234567`. Undefined when either part is unusable. */
export function documentKey(issuingState: string, number: string): string | undefined {
  const state = normaliseIssuingState(issuingState)
  const n = normaliseDocumentNumber(number)
  return state && n ? `${state}:${n}` : undefined
}

/**
 * One form shared by every OCR misreading of a number (all confusable letters written as digits):
 * index documents under this as well and one lookup finds "AB1O5" for "AB105".
 */
export function ocrCanonical(number: string): string {
  return normaliseDocumentNumber(number).replace(/[OIBSZG]/g, (ch) => TO_DIGIT[ch]!)
}

/**
 * The number and its OCR-confusion variants, fewest changes first, for an exact lookup that tolerates
 * a misread: at most `maxChanges` characters swapped, at most `limit` variants in all.
 */
export function ocrVariants(number: string, options: { maxChanges?: number; limit?: number } = {}): string[] {
  const maxChanges = options.maxChanges ?? 2
  const limit = options.limit ?? 64
  const base = normaliseDocumentNumber(number)
  if (!base) return []
  const positions = [...base].flatMap((ch, i) => (SWAP[ch] ? [i] : []))
  const out = [base]
  // Breadth-first by number of changes; each combination is built from increasing positions once.
  let frontier: { text: string; last: number }[] = [{ text: base, last: -1 }]
  for (let changes = 1; changes <= maxChanges && out.length < limit; changes++) {
    const next: { text: string; last: number }[] = []
    for (const { text, last } of frontier) {
      for (const p of positions) {
        if (p <= last) continue
        const variant = text.slice(0, p) + SWAP[text[p]!]! + text.slice(p + 1)
        next.push({ text: variant, last: p })
        out.push(variant)
        if (out.length >= limit) return out
      }
    }
    frontier = next
  }
  return out
}
