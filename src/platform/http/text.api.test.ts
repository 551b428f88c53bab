import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

/**
 * Walks every operation of the OpenAPI document and sends a NUL in each string it accepts — path and query
 * parameters, body fields at any depth, record keys — one at a time. Each must be refused with 400
 * `validation_failed` naming that field; a new route that forgets the `text()` helper fails here.
 */

type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  items?: Schema
  additionalProperties?: Schema | boolean
  propertyNames?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  enum?: unknown[]
  const?: unknown
  pattern?: string
  format?: string
  minLength?: number
  minItems?: number
  minimum?: number
  required?: string[]
  'x-scanner-input'?: boolean
}

interface Probe {
  method: string
  url: string
  body?: unknown
  /** The detail path the refusal must name (a prefix for record keys). */
  path: string
  /** The schema already refuses a NUL by its format, pattern or choices, so any issue there will do. */
  constrained: boolean
  /** Raw document-reader input (`scannerText()`): its parser reports control characters, it stores none. */
  scanner?: boolean
}

const NUL = '\u0000'
const ID = '00000000-0000-4000-8000-000000000000'

const isString = (s: Schema) => s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'))
const constrained = (s: Schema) =>
  s.enum !== undefined || s.const !== undefined || s.pattern !== undefined || s.format !== undefined

/** A value for a string leaf: a NUL padded to the minimum length, so the control character is the fault. */
const nulValue = (s: Schema) => NUL.padEnd(Math.max(1, s.minLength ?? 1), 'a')

const CANDIDATES = ['KHM', 'KH', 'KH-12', 'P', 'ABC123', '2026-01-01', '2026-01', 'a', 'abc', 'a-1']

/**
 * A plausible value for a schema, so the probed field is the only fault and a union can tell which branch
 * was meant (zod reports the one branch that failed on content, not on shape).
 */
function sample(s: Schema): unknown {
  if (s.const !== undefined) return s.const
  if (s.enum) return s.enum[0]
  const branches = [...(s.anyOf ?? []), ...(s.oneOf ?? [])]
  if (branches.some((b) => b.type === 'null')) return null
  if (branches.length) return sample(branches[0]!)
  if (s.type === 'object' || s.properties) return required(s)
  if (s.type === 'array') return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}))
  if (s.type === 'number' || s.type === 'integer') return s.minimum ?? 1
  if (s.type === 'boolean') return false
  if (s.format === 'uuid') return ID
  if (s.format === 'date') return '2026-01-01'
  if (s.format === 'date-time') return '2026-01-01T00:00:00Z'
  if (s.format === 'email') return 'a@example.org'
  if (s.pattern) return CANDIDATES.find((c) => new RegExp(s.pattern!).test(c)) ?? 'a'
  return 'a'.repeat(Math.max(1, s.minLength ?? 1))
}

/** The required fields of an object branch, each with a plausible value. */
function required(s: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of s.required ?? []) out[k] = sample(s.properties?.[k] ?? {})
  return out
}

/** Every way of putting a NUL into a value of this schema, with the path the refusal must name. */
function* nulBodies(
  s: Schema,
  path: string[],
): Generator<{ value: unknown; path: string[]; constrained: boolean; prefix?: boolean; scanner?: boolean }> {
  for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) yield* nulBodies(branch, path)
  if (isString(s))
    yield { value: nulValue(s), path, constrained: constrained(s), scanner: s['x-scanner-input'] === true }
  if (s.items) {
    for (const inner of nulBodies(s.items, [...path, '0'])) yield { ...inner, value: [inner.value] }
  }
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    for (const inner of nulBodies(prop, [...path, key]))
      yield { ...inner, value: { ...required(s), [key]: inner.value } }
  }
  if (s.propertyNames || typeof s.additionalProperties === 'object') {
    const valueSchema = typeof s.additionalProperties === 'object' ? s.additionalProperties : {}
    yield { value: { [NUL]: sampleValue(valueSchema) }, path, constrained: false, prefix: true }
    // A key the record accepts (a record keyed by an enum refuses any other key before it reads the value).
    const key = s.propertyNames ? String(sample(s.propertyNames)) : 'k'
    for (const inner of nulBodies(valueSchema, [...path, key]))
      yield { ...inner, value: { [key]: inner.value } }
  }
}

function sampleValue(s: Schema): unknown {
  const first = s.anyOf?.[0] ?? s
  if (first.enum) return first.enum[0]
  if (first.type === 'array') return [sampleValue(first.items ?? {})]
  if (first.type === 'number' || first.type === 'integer') return 1
  return 'a'
}

interface Operation {
  parameters?: { in: string; name: string; schema: Schema }[]
  requestBody?: { content: Record<string, { schema: Schema }> }
}

function probes(doc: { paths: Record<string, Record<string, Operation>> }): Probe[] {
  const out: Probe[] = []
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      // Path and query parameters carry their schema; the shared header parameters (CSRF token, Idempotency-Key)
      // are references to components, checked by their own hooks, not by the route's schema.
      const params = (op.parameters ?? []).filter((q) => q.schema && (q.in === 'path' || q.in === 'query'))
      const body = op.requestBody?.content['application/json']?.schema
      // Fastify checks the path, then the body, then the query: the parts not probed must pass.
      const urlWith = (name?: string) =>
        template.replace(/\{(\w+)\}/g, (_, p: string) => {
          const schema = params.find((q) => q.in === 'path' && q.name === p)?.schema ?? {}
          return p === name ? '%00' : encodeURIComponent(String(sample(schema)))
        })
      const sampleBody = body ? sample(body) : undefined
      for (const p of params) {
        if (p.in === 'path' && isString(p.schema))
          out.push({
            method,
            url: urlWith(p.name),
            body: sampleBody,
            path: `params.${p.name}`,
            constrained: constrained(p.schema),
          })
        const queryString = isString(p.schema) || (p.schema.items && isString(p.schema.items))
        if (p.in === 'query' && (queryString || p.schema.anyOf?.some(isString)))
          out.push({
            method,
            url: `${urlWith()}?${p.name}=%00`,
            body: sampleBody,
            path: `querystring.${p.name}`,
            constrained: constrained(p.schema.items ?? p.schema),
          })
      }
      if (!body) continue
      for (const b of nulBodies(body, ['body']))
        out.push({
          method,
          url: urlWith(),
          body: b.value,
          path: b.path.join('.'),
          constrained: b.constrained || Boolean(b.prefix),
          scanner: b.scanner,
        })
    }
  }
  return out
}

describe.each(engines())('control characters at the boundary on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('refuses a NUL in every string of every route with validation_failed naming the field', async () => {
    const admin = await t.signIn('admin')
    const doc = (await t.anonymous.request('GET', '/api/openapi.json')).json()
    const all = probes(doc)
    // The walk reaches the whole API, not a corner of it.
    expect(all.length).toBeGreaterThan(300)
    const failures: string[] = []
    let scanned = 0
    for (const probe of all) {
      const res = await admin.request(probe.method.toUpperCase(), probe.url, probe.body)
      const error = res.statusCode === 400 ? res.json().error : undefined
      const details: { path: string; code: string }[] = error?.details ?? []
      const named = details.filter((d) => d.path === probe.path || d.path.startsWith(`${probe.path}.`))
      // A value its format already refuses may be reported by the union around it, which names no branch.
      const byUnion = details.some(
        (d) => d.code === 'validation.invalid_union' && probe.path.startsWith(`${d.path}.`),
      )
      if (probe.scanner) {
        // Exempt from the helper on purpose, but a NUL must still be answered, never crash the request.
        if (res.statusCode >= 500)
          failures.push(`${probe.method} ${probe.url} ${probe.path} → ${res.statusCode}`)
        scanned++
        continue
      }
      const ok =
        error?.code === 'validation_failed' &&
        (probe.constrained
          ? named.length > 0 || byUnion
          : named.some((d) => d.code === 'validation.control_character'))
      if (!ok)
        failures.push(
          `${probe.method.toUpperCase()} ${probe.url} ${probe.path} → ${res.statusCode} ${JSON.stringify(details.map((d) => `${d.path}:${d.code}`))}`,
        )
    }
    expect(failures).toEqual([])
    // Only the two MRZ inputs (reading a document, the primary inspection) are raw scanner text.
    expect(scanned).toBe(2)
  }, 300_000)

  it('translates the refusal and names the field', async () => {
    const res = await t.anonymous.request(
      'POST',
      '/api/auth/sign-in',
      { username: 'admin\u0000', password: 'x' },
      { 'accept-language': 'km-KH,km;q=0.9' },
    )
    expect(res.statusCode).toBe(400)
    const detail = res.json().error.details.find((d: { path: string }) => d.path === 'body.username')
    expect(detail.code).toBe('validation.control_character')
    expect(detail.message).toMatch(/[\u1780-\u17FF]/)
  })

  it('lets the MRZ parser report a NUL in scanner input by position, storing nothing', async () => {
    const officer = await t.signIn('officer.poipet')
    const res = await officer.request('POST', '/api/documents/read', {
      text: 'P<KHM\u0000CHAN<<SREYLEAK<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nN04521783<7KHM9607213F3001011<<<<<<<<<<<<<<02',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ code: 'documents.mrz.invalid_character', line: 0, start: 5 }),
    )
    expect(res.json().document).toBeNull()
  })

  it('stores nothing when one field of a write carries a control character', async () => {
    const admin = await t.signIn('admin')
    const res = await admin.request('POST', '/api/agencies', {
      code: 'NUL',
      nameEn: 'a\u0000b',
      nameKm: 'x',
      kind: 'ngo',
    })
    expect(res.statusCode).toBe(400)
    expect(await t.store.db.selectFrom('agencies').where('code', '=', 'NUL').execute()).toEqual([])
  })
})
