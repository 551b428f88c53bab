import { fail, ok, type Result, STATISTICS_ERRORS } from './errors.ts'

/**
 * HXL (Humanitarian Exchange Language) hashtags: `#tag` then any number of `+attribute`, each a letter
 * followed by letters, digits or underscores, case-insensitive, optional whitespace before a `+`.
 * A hashtag row tags the columns below it; an empty cell leaves its column untagged.
 */
export interface Hashtag {
  /** Lower-case, without `#`. */
  tag: string
  /** Lower-case, without `+`, in the order written. */
  attributes: string[]
}

const HASHTAG = /^\s*#([A-Za-z][A-Za-z0-9_]*)((?:\s*\+[A-Za-z][A-Za-z0-9_]*)*)\s*$/
const ATTRIBUTE = /^[a-z][a-z0-9_]*$/

export function parseHashtag(spec: string): Hashtag | undefined {
  const m = HASHTAG.exec(spec)
  if (!m) return undefined
  const attributes = (m[2] ?? '')
    .split('+')
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '')
  return { tag: (m[1] ?? '').toLowerCase(), attributes }
}

export function formatHashtag({ tag, attributes }: Hashtag): string {
  return `#${tag}${attributes.map((a) => `+${a}`).join('')}`
}

export function isAttribute(value: string): boolean {
  return ATTRIBUTE.test(value)
}

/**
 * Checks a hashtag row: every non-empty cell a valid hashtag, at least one hashtag, and (when given) as
 * many cells as the header row. Returns the parsed hashtags, null for untagged columns.
 */
export function validateHxlRow(row: readonly string[], expectedLength?: number): Result<(Hashtag | null)[]> {
  if (expectedLength !== undefined && row.length !== expectedLength) {
    return fail(STATISTICS_ERRORS.hxlRowLengthMismatch, { expected: expectedLength, actual: row.length })
  }
  const parsed: (Hashtag | null)[] = []
  for (const [column, cell] of row.entries()) {
    if (cell.trim() === '') {
      parsed.push(null)
      continue
    }
    const hashtag = parseHashtag(cell)
    if (!hashtag) return fail(STATISTICS_ERRORS.invalidHxlHashtag, { column: column + 1, value: cell })
    parsed.push(hashtag)
  }
  if (parsed.every((h) => h === null)) return fail(STATISTICS_ERRORS.noHxlHashtags)
  return ok(parsed)
}

/** Turns a code into an attribute-safe word: `Transit-Visa 2` → `transit_visa_2`; a leading digit gets `v`. */
export function attributeOf(value: string): string {
  const word = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  if (word === '') return 'blank'
  return /^[a-z]/.test(word) ? word : `v${word}`
}
