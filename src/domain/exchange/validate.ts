import { type FieldKind, fieldsOf, type MessageType } from './message-types.ts'
import type { Refusal } from './refusals.ts'

// C0/C1 controls (tab and newlines are allowed only in long prose), lone surrogates, and the byte-order mark.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** Latin-script names (HTCDS `prs_FirstName`/`prs_SecondName`); names in Khmer or Thai go in `xch_*Native`. */
const LATIN_NAME = /^[\p{Script=Latin}\p{M} .'-]+$/u
const LATIN_FIELDS = new Set(['prs_FirstName', 'prs_SecondName'])

function realDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

function valueOk(name: string, f: FieldKind, v: unknown): boolean {
  switch (f.kind) {
    case 'text':
      if (typeof v !== 'string' || v.length === 0 || v.length > f.max) return false
      if (CONTROL.test(v) || LONE_SURROGATE.test(v) || v !== v.normalize('NFC')) return false
      if (f.max < 500 && /[\t\r\n]/.test(v)) return false
      return !LATIN_FIELDS.has(name) || LATIN_NAME.test(v)
    case 'date':
      return typeof v === 'string' && realDate(v)
    case 'datetime':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))
    case 'country':
      return typeof v === 'string' && /^[A-Z]{2}$/.test(v)
    case 'phone':
      return typeof v === 'string' && /^\+[1-9]\d{1,14}$/.test(v)
    case 'integer':
      return Number.isInteger(v) && (v as number) >= f.min && (v as number) <= f.max
    case 'enum':
      return typeof v === 'string' && f.values.includes(v)
    case 'enums':
      return (
        Array.isArray(v) &&
        new Set(v).size === v.length &&
        v.every((x) => typeof x === 'string' && f.values.includes(x))
      )
    case 'rows':
      return (
        Array.isArray(v) &&
        v.length <= f.max &&
        v.every(
          (row) =>
            typeof row === 'object' &&
            row !== null &&
            !Array.isArray(row) &&
            Object.entries(row).every(([k, x]) => f.fields[k] !== undefined && valueOk(k, f.fields[k], x)),
        )
      )
  }
}

/**
 * Checks content against its type's schema: every field known, every value of its kind, text in NFC without
 * control characters or broken surrogates, names in the script their field expects. Returns the first problem.
 */
export function contentRefusal(type: MessageType, content: unknown): Refusal | null {
  if (typeof content !== 'object' || content === null || Array.isArray(content))
    return { reason: 'malformed', detail: 'content' }
  const defined = fieldsOf(type)
  for (const [name, v] of Object.entries(content)) {
    const def = defined[name]
    if (!def) return { reason: 'field_not_allowed', detail: name }
    if (!valueOk(name, def, v)) return { reason: 'malformed', detail: name }
  }
  return null
}
