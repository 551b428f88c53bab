import { allowedPaths, type TypeRule } from './agreement.ts'
import { fieldsOf, type MessageType } from './message-types.ts'
import type { Refusal } from './refusals.ts'

export interface Minimised {
  content: Record<string, unknown>
  /** Field paths the case holds but the agreement does not let go, for the screen to show as withheld. */
  withheld: string[]
}

type Row = Record<string, unknown>

const present = (v: unknown) => v !== undefined && v !== null && v !== ''

/**
 * Keeps only what the agreement allows, whatever the source holds: unknown fields, fields of the type the
 * agreement does not list, and empty values never reach the message. The only way content is built for sending.
 */
export function minimise(type: MessageType, source: Row, rule: TypeRule): Minimised {
  const allowed = allowedPaths(rule)
  const defined = fieldsOf(type)
  const content: Row = {}
  const withheld = new Set<string>()
  for (const [name, value] of Object.entries(source)) {
    const def = defined[name]
    if (!present(value)) continue
    if (!def) {
      withheld.add(name)
      continue
    }
    if (def.kind === 'rows') {
      if (!Array.isArray(value)) continue
      const rows = value.map((row: Row) => {
        const kept: Row = {}
        for (const [sub, v] of Object.entries(row ?? {})) {
          if (!present(v)) continue
          if (allowed.has(`${name}.${sub}`) && def.fields[sub]) kept[sub] = v
          else withheld.add(`${name}.${sub}`)
        }
        return kept
      })
      if (rows.some((r) => Object.keys(r).length > 0)) content[name] = rows
      continue
    }
    if (allowed.has(name)) content[name] = value
    else withheld.add(name)
  }
  return { content, withheld: [...withheld].sort() }
}

/** The receiver's check of the same rule: the first field present that the agreement does not allow. */
export function fieldRefusal(type: MessageType, content: Row, rule: TypeRule): Refusal | null {
  const allowed = allowedPaths(rule)
  const defined = fieldsOf(type)
  for (const [name, value] of Object.entries(content)) {
    const def = defined[name]
    if (def?.kind === 'rows' && Array.isArray(value)) {
      for (const row of value as Row[])
        for (const sub of Object.keys(row ?? {}))
          if (!allowed.has(`${name}.${sub}`)) return { reason: 'field_not_allowed', detail: `${name}.${sub}` }
      continue
    }
    if (!allowed.has(name)) return { reason: 'field_not_allowed', detail: name }
  }
  return null
}
