/**
 * Text as PostgreSQL can store it: NUL is refused in text and jsonb, and so is a lone UTF-16 surrogate in jsonb.
 * What an officer typed is kept otherwise unchanged (the matcher gets the original).
 */
export function storableText(value: string): string {
  return value.replace(
    /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  )
}

/**
 * In JSON text a NUL or a lone surrogate can only appear escaped (`\u0000`, `\udXXX`): JSON.stringify writes them so.
 * Their absence from the plain text (the common case) proves every string storable, without a replacer called on
 * every value; a match (or a false one, such as an escaped backslash before `u0000`) takes the careful path.
 */
const MAYBE_UNSTORABLE = /\\u0000|\\ud[89a-f]/i

/** `JSON.stringify` with every string made storable. */
export function storableJson(value: unknown): string {
  const plain = JSON.stringify(value)
  if (plain === undefined || !MAYBE_UNSTORABLE.test(plain)) return plain
  return JSON.stringify(value, (_key, v) => (typeof v === 'string' ? storableText(v) : v))
}
