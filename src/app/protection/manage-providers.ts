import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { ProviderRow } from './protection.tables.ts'
import { json } from './protection-actor.ts'
import { findProvider } from './providers.repository.ts'

export interface ProviderInput {
  agencyCode: string
  nameEn: string
  nameKm: string
  type: string
  services: string[]
  provinceCode: string | null
  location: string
  contactName: string
  phone: string
  email: string
  shelterBeds: number | null
  shelterOccupied: number
  active: boolean
}

function columns(p: Partial<ProviderInput>) {
  return {
    agency_code: p.agencyCode,
    name_en: p.nameEn,
    name_km: p.nameKm,
    type: p.type,
    services: p.services ? json([...new Set(p.services)]) : undefined,
    province_code: p.provinceCode,
    location: p.location,
    contact_name: p.contactName,
    phone: p.phone,
    email: p.email,
    shelter_beds: p.shelterBeds,
    shelter_occupied: p.shelterOccupied,
    active: p.active,
  }
}

function assertBeds(beds: number | null | undefined, occupied: number | undefined) {
  if (beds != null && occupied !== undefined && occupied > beds) {
    throw new AppError('validation_failed', {}, [
      { path: 'body.shelterOccupied', code: 'validation.too_big', params: { maximum: beds } },
    ])
  }
}

/** Unknown codes are the caller's mistake, answered per field rather than as a foreign-key failure. */
async function assertPlacement(trx: Tx, p: Partial<ProviderInput>) {
  if (p.agencyCode !== undefined) {
    const agency = await trx
      .selectFrom('agencies')
      .select('code')
      .where('code', '=', p.agencyCode)
      .executeTakeFirst()
    if (!agency)
      throw new AppError('validation_failed', {}, [{ path: 'body.agencyCode', code: 'unknown_agency' }])
  }
  if (p.provinceCode) {
    const province = await trx
      .selectFrom('provinces')
      .select('code')
      .where('code', '=', p.provinceCode)
      .executeTakeFirst()
    if (!province)
      throw new AppError('validation_failed', {}, [{ path: 'body.provinceCode', code: 'unknown_province' }])
  }
}

export async function createProvider(o: { trx: Tx; actor: RequestActor | null; provider: ProviderInput }) {
  const p = o.provider
  if (o.actor && !can(o.actor, 'create', 'provider', { agencyCode: p.agencyCode }))
    throw new AppError('forbidden')
  assertBeds(p.shelterBeds, p.shelterOccupied)
  await assertPlacement(o.trx, p)
  const id = randomUUID()
  const row = await o.trx
    .insertInto('protection_providers')
    .values({ id, ...columns(p) } as never)
    .returningAll()
    .executeTakeFirstOrThrow()
  const who = o.actor ? auditActor(o.actor) : { id: null, username: 'system', ip: null }
  await appendAudit(o.trx, who, { action: 'create', resource: 'provider', recordId: id, details: { ...p } })
  return row as ProviderRow
}

export async function updateProvider(o: {
  trx: Tx
  actor: RequestActor
  providerId: string
  changes: Partial<ProviderInput>
}) {
  const before = await findProvider(o.trx, o.providerId)
  if (!before) throw new AppError('not_found')
  const target = { agencyCode: before.agency_code }
  if (!can(o.actor, 'update', 'provider', target)) throw new AppError('forbidden')
  if (o.changes.agencyCode && !can(o.actor, 'update', 'provider', { agencyCode: o.changes.agencyCode }))
    throw new AppError('forbidden')
  assertBeds(
    o.changes.shelterBeds === undefined ? before.shelter_beds : o.changes.shelterBeds,
    o.changes.shelterOccupied ?? before.shelter_occupied,
  )
  await assertPlacement(o.trx, o.changes)
  const row = await o.trx
    .updateTable('protection_providers')
    .set({ ...columns(o.changes), updated_at: new Date() } as never)
    .where('id', '=', o.providerId)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'provider',
    recordId: o.providerId,
    details: { changes: o.changes },
  })
  return row as ProviderRow
}
