import { z } from 'zod'
import { type CrossingContext, DOMAINS, FIELDS, type FieldDef, ITEM_FIELDS } from '../../domain/risk/index.ts'
import { text } from '../../platform/http/text.ts'

type Shape = Record<string, z.ZodType>

function valueSchema(def: FieldDef): z.ZodType {
  const t = def.type
  switch (t.kind) {
    case 'boolean':
      return z.boolean().nullable().optional()
    case 'number':
      return z.number().min(t.min).max(t.max).nullable().optional()
    case 'enum':
      return z.enum(DOMAINS[t.domain]).nullable().optional()
    case 'string':
      return text().trim().min(1).max(100).nullable().optional()
    case 'list':
      return z.array(objectOf(ITEM_FIELDS[t.item])).max(t.maxItems).optional()
  }
}

function objectOf(fields: ReadonlyMap<string, FieldDef>) {
  const shape: Shape = {}
  for (const [path, def] of fields) shape[path] = valueSchema(def)
  return z.strictObject(shape)
}

/**
 * The crossing context as the API accepts it, derived from the engine's field catalogue so the two never
 * disagree: every fact optional (unknown), each of its declared type and range, and any other key refused —
 * a protected attribute sent by a caller is rejected at the boundary, not silently carried into the snapshot.
 */
function contextSchema() {
  const groups = new Map<string, Shape>()
  const top: Shape = {}
  for (const [path, def] of FIELDS) {
    const dot = path.indexOf('.')
    if (dot < 0) {
      top[path] = valueSchema(def)
      continue
    }
    const group = path.slice(0, dot)
    const shape = groups.get(group) ?? {}
    shape[path.slice(dot + 1)] = valueSchema(def)
    groups.set(group, shape)
  }
  for (const [group, shape] of groups) top[group] = z.strictObject(shape).optional()
  return z.strictObject(top)
}

/** Typed as the engine's context: the schema is built from the same catalogue the engine reads through. */
export const CrossingContextBody = contextSchema() as unknown as z.ZodType<Partial<CrossingContext>>

/** The catalogue the evaluation form is built from: each fact with its type and, for enums, its values. */
export function fieldCatalogue() {
  const describeField = (path: string, def: FieldDef) => ({
    path,
    kind: def.type.kind,
    source: def.source,
    values: def.type.kind === 'enum' ? [...DOMAINS[def.type.domain]] : [],
    domain: def.type.kind === 'enum' ? def.type.domain : null,
    min: def.type.kind === 'number' ? def.type.min : null,
    max: def.type.kind === 'number' ? def.type.max : null,
    item: def.type.kind === 'list' ? def.type.item : null,
  })
  return {
    fields: [...FIELDS].map(([p, d]) => describeField(p, d)),
    items: Object.fromEntries(
      Object.entries(ITEM_FIELDS).map(([name, fields]) => [
        name,
        [...fields].map(([p, d]) => describeField(p, d)),
      ]),
    ),
  }
}
