import { randomUUID } from 'node:crypto'
import { parseClientId } from '../../domain/exchange/xroad-ids.ts'
import type { Role, Scope } from '../../domain/identity/roles.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import type { XroadClientRow } from './exchange.tables.ts'

export interface XroadClientInput {
  clientId: string
  agencyCode: string
  role: Role
  scope: Scope
  postCode: string | null
  active: boolean
  note: string
}

function invalid(path: string, code: string, params: Record<string, unknown> = {}): AppError {
  return new AppError('validation_failed', {}, [{ path, code: `exchange-admin.errors.${code}`, params }])
}

/** The allow-list, for administrators only: who may reach the exchange through CamDX, and as what. */
export async function listXroadClients(o: { db: Executor; actor: RequestActor }): Promise<XroadClientRow[]> {
  authorize(o.actor, 'update', 'exchange_agreement')
  return o.db.selectFrom('exchange_xroad_clients').selectAll().orderBy('client_id').execute()
}

/**
 * Adds or changes one client (keyed by its canonical id). An X-Road client acts for a system, not a person, so it
 * never administers: agreements, keys and this list stay with signed-in administrators. Audited with the grant
 * before and after.
 */
export async function saveXroadClient(o: {
  trx: Tx
  actor: RequestActor
  client: XroadClientInput
}): Promise<XroadClientRow> {
  authorize(o.actor, 'update', 'exchange_agreement')
  const c = o.client
  const id = parseClientId(c.clientId)
  if (!id.ok) throw invalid('body.clientId', 'client_malformed')
  if (c.role === 'administrator') throw invalid('body.role', 'role_not_for_xroad')
  const agency = await o.trx
    .selectFrom('agencies')
    .select('code')
    .where('code', '=', c.agencyCode)
    .executeTakeFirst()
  if (!agency) throw invalid('body.agencyCode', 'unknown_agency', { agency: c.agencyCode })
  if ((c.scope === 'post') !== (c.postCode !== null))
    throw invalid('body.postCode', c.scope === 'post' ? 'post_required' : 'post_only_for_post_scope')
  if (c.postCode) {
    const post = await o.trx
      .selectFrom('points_of_entry')
      .select('code')
      .where('code', '=', c.postCode)
      .executeTakeFirst()
    if (!post) throw invalid('body.postCode', 'unknown_post', { post: c.postCode })
  }
  const before = await o.trx
    .selectFrom('exchange_xroad_clients')
    .selectAll()
    .where('client_id', '=', id.value)
    .forUpdate()
    .executeTakeFirst()
  const values = {
    agency_code: c.agencyCode,
    role: c.role,
    scope: c.scope,
    post_code: c.postCode,
    active: c.active,
    note: c.note,
    updated_at: new Date(),
  }
  const row = before
    ? await o.trx
        .updateTable('exchange_xroad_clients')
        .set(values)
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await o.trx
        .insertInto('exchange_xroad_clients')
        .values({ ...values, id: randomUUID(), client_id: id.value })
        .returningAll()
        .executeTakeFirstOrThrow()
  const grant = (r: XroadClientRow | undefined) =>
    r ? { agency: r.agency_code, role: r.role, scope: r.scope, post: r.post_code, active: r.active } : null
  await appendAudit(o.trx, auditActor(o.actor), {
    action: before ? 'update' : 'create',
    resource: 'exchange_xroad_client',
    recordId: row.client_id,
    details: { from: grant(before), to: grant(row) },
  })
  return row
}

/** The client an X-Road request names, if it is on the list and switched on. */
export async function activeXroadClient(db: Executor, clientId: string): Promise<XroadClientRow | undefined> {
  return db
    .selectFrom('exchange_xroad_clients')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('active', '=', true)
    .executeTakeFirst()
}

/** The actor an allowed client acts as: its grant, named in every audit entry as `xroad:<client id>`. */
export function xroadActor(row: XroadClientRow, ip: string | null, userId: string | null): RequestActor {
  return {
    id: row.id,
    username: `xroad:${row.client_id}${userId ? ` user:${userId}` : ''}`,
    role: row.role as Role,
    scope: row.scope,
    agencyCode: row.agency_code,
    postCode: row.post_code,
    ip,
    locale: 'en',
  }
}
