import { sql } from 'kysely'
import { allowedScope } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'

/**
 * The supervisor's queue of conflicts the world creates while posts are offline (filled by migration 0030's apply
 * triggers at the centre): never merged silently, decided by a person. Those who decide a secondary inspection's
 * outcome (shift supervisors and post chiefs, for conflicts touching their post) decide these too.
 */
export interface ConflictView {
  id: string
  kind: string
  postCodes: string[]
  /** Both records side by side: what the centre had (`recorded`) and what arrived from the post (`arrived`). */
  facts: Record<string, Record<string, unknown>>
  /** Who the two records are about, read now from the records themselves (null when they are not here). */
  sides: { recorded: ConflictSide; arrived: ConflictSide }
  detectedAt: string
  resolvedAt: string | null
  resolvedBy: string | null
  resolution: string | null
}

/** The person a side's record names: a crossing's traveller and document, or a registered returnee. */
export interface ConflictSide {
  name: string | null
  nameKhmer: string | null
  nationality: string | null
  birthDate: string | null
  documentNumber: string | null
}

interface Row {
  id: string
  kind: string
  post_codes: string[]
  facts: ConflictView['facts']
  sides: { recorded: ConflictSide; arrived: ConflictSide }
  detected_at: Date
  resolved_at: Date | null
  resolved_by: string | null
  resolution: string | null
}

const view = (r: Row): ConflictView => ({
  id: r.id,
  kind: r.kind,
  postCodes: r.post_codes,
  facts: r.facts,
  sides: r.sides,
  detectedAt: r.detected_at.toISOString(),
  resolvedAt: r.resolved_at?.toISOString() ?? null,
  resolvedBy: r.resolved_by,
  resolution: r.resolution,
})

/**
 * One side's person, from the crossing or returnee its facts name (or, failing those, the names the facts carry);
 * ids that are not uuids name nothing.
 */
const side = (key: 'recorded' | 'arrived') => `(SELECT jsonb_build_object(
    'name', coalesce(t.surname || ', ' || t.given_names, nullif(concat_ws(' ', r.family_latin, r.given_latin), ''),
      c.facts->'${key}'->>'name'),
    'nameKhmer', coalesce(nullif(concat_ws(' ', r.family_khmer, r.given_khmer), ''), c.facts->'${key}'->>'nameKhmer'),
    'nationality', coalesce(t.nationality, r.nationality, c.facts->'${key}'->>'nationality'),
    'birthDate', coalesce(t.birth_date, r.birth_date, c.facts->'${key}'->>'birthDate'),
    'documentNumber', coalesce(d.document_number, c.facts->'${key}'->>'documentNumber'))
  FROM (SELECT CASE WHEN c.facts->'${key}'->>'crossingId' ~ '^[0-9a-f-]{36}$'
      THEN (c.facts->'${key}'->>'crossingId')::uuid END AS crossing_id,
    CASE WHEN c.facts->'${key}'->>'returneeId' ~ '^[0-9a-f-]{36}$'
      THEN (c.facts->'${key}'->>'returneeId')::uuid END AS returnee_id) ids
  LEFT JOIN crossings x ON x.id = ids.crossing_id
  LEFT JOIN travellers t ON t.id = coalesce(x.traveller_id, CASE WHEN ids.returnee_id IS NULL THEN c.subject_id END)
  LEFT JOIN travel_documents d ON d.id = x.document_id
  LEFT JOIN returnees r ON r.id = ids.returnee_id)`

/** The columns of a conflict as the queue shows it, for a query over `offline_conflicts c`. */
const COLUMNS = sql.raw(`c.id, c.kind, c.post_codes, c.facts,
  jsonb_build_object('recorded', ${side('recorded')}, 'arrived', ${side('arrived')}) AS sides,
  c.detected_at, c.resolved_at, (SELECT u.username FROM users u WHERE u.id = c.resolved_by) AS resolved_by,
  c.resolution`)

/** The post an actor's queue is limited to (null: every post), or a refusal. */
function queueScope(actor: RequestActor): string | null {
  const scope = allowedScope(actor, 'approve', 'secondary_inspection')
  if (!scope) throw new AppError('forbidden', { action: 'approve', resource: 'secondary_inspection' })
  if (scope === 'post' && !actor.postCode)
    throw new AppError('forbidden', { action: 'approve', resource: 'secondary_inspection' })
  return scope === 'post' ? actor.postCode : null
}

export async function listConflicts(o: {
  db: Executor
  actor: RequestActor
  open: boolean
}): Promise<ConflictView[]> {
  const post = queueScope(o.actor)
  const { rows } = await sql<Row>`
    SELECT ${COLUMNS} FROM offline_conflicts c
    WHERE (${post}::text IS NULL OR ${post}::text = ANY(c.post_codes))
      AND (NOT ${o.open} OR c.resolved_at IS NULL)
    ORDER BY c.detected_at, c.id LIMIT 500`.execute(o.db)
  return rows.map(view)
}

export async function resolveConflict(o: {
  trx: Tx
  actor: RequestActor
  id: string
  resolution: string
}): Promise<ConflictView> {
  const post = queueScope(o.actor)
  const { rows: updated } = await sql<{ id: string }>`
    UPDATE offline_conflicts SET resolved_at = now(), resolved_by = ${o.actor.id}, resolution = ${o.resolution}
    WHERE id = ${o.id} AND resolved_at IS NULL AND (${post}::text IS NULL OR ${post}::text = ANY(post_codes))
    RETURNING id`.execute(o.trx)
  if (updated.length === 0) {
    const { rows: seen } = await sql<{ open: boolean; post_codes: string[] }>`
      SELECT resolved_at IS NULL AS open, post_codes FROM offline_conflicts WHERE id = ${o.id}`.execute(o.trx)
    const found = seen[0]
    // Another post's conflict is not found, as if it did not exist.
    if (!found || (post !== null && !found.post_codes.includes(post))) throw new AppError('not_found')
    throw new AppError('conflict', { reason: 'already_resolved' })
  }
  const { rows } = await sql<Row>`SELECT ${COLUMNS} FROM offline_conflicts c WHERE c.id = ${o.id}`.execute(
    o.trx,
  )
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'resolve',
    resource: 'movement_conflict',
    recordId: o.id,
    details: { kind: rows[0]!.kind, postCodes: rows[0]!.post_codes, resolution: o.resolution },
  })
  return view(rows[0]!)
}
