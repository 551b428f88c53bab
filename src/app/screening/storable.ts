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

/** `JSON.stringify` with every string made storable. */
export function storableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'string' ? storableText(v) : v))
}
