import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditFields {
  seq: number
  at: Date
  actorId: string | null
  actorUsername: string | null
  action: string
  resource: string
  recordId: string | null
  ip: string | null
  details: unknown
}

/**
 * JSON with object keys sorted at every depth, so the same entry always hashes the same. Written as loops over
 * one growing string (no entries array, filter, map and join per object): it runs for every idempotent request
 * and every sealed audit entry. `audit-hash.test.ts` holds it equal to the plain definition.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '['
    // A hole in a sparse array is written as nothing, as `map` then `join` would.
    for (let i = 0; i < value.length; i++)
      out += `${i ? ',' : ''}${i in value ? canonicalJson(value[i]) : ''}`
    return `${out}]`
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    // Keys are unique, so the default code-unit order is the `<` comparison's.
    const keys = Object.keys(record).sort()
    let out = '{'
    for (const k of keys) {
      const v = record[k]
      if (v === undefined) continue
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`
    }
    return `${out}}`
  }
  return JSON.stringify(value ?? null)
}

/** Each entry's hash covers its own fields and the previous entry's hash: editing or removing one breaks the chain. */
export function auditHash(prevHash: string, f: AuditFields): string {
  const body = canonicalJson({
    seq: f.seq,
    at: f.at.toISOString(),
    actorId: f.actorId,
    actorUsername: f.actorUsername,
    action: f.action,
    resource: f.resource,
    recordId: f.recordId,
    ip: f.ip,
    details: f.details,
  })
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex')
}

/** An audit_log row as stored: the columns the hash covers. */
export interface AuditRow {
  seq: number
  at: Date
  actor_id: string | null
  actor_username: string | null
  action: string
  resource: string
  record_id: string | null
  ip: string | null
  details: unknown
}

/** The hash of a stored row after `prevHash`: what the sealer writes and the verifier recomputes. */
export function auditRowHash(prevHash: string, row: AuditRow): string {
  return auditHash(prevHash, {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorUsername: row.actor_username,
    action: row.action,
    resource: row.resource,
    recordId: row.record_id,
    ip: row.ip,
    details: row.details,
  })
}
