/**
 * A stable fingerprint of a rule set's content, recorded when it is reviewed and impact-checked, so activation can
 * prove that what goes live is exactly what was reviewed. Keys are sorted, so the same content always gives the
 * same fingerprint. It detects change, not tampering: the audit log is what makes records tamper-evident.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** Two FNV-1a lanes with different offsets over the canonical JSON: 64 bits as 16 hex digits. */
export function fingerprint(value: unknown): string {
  const text = canonicalJson(value)
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}
