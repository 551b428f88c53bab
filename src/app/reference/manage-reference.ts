import { can } from '../../domain/identity/policy.ts'
import type { AgencyKind } from '../../domain/identity/roles.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'

interface AgencyInput {
  code: string
  nameEn: string
  nameKm: string
  kind: AgencyKind
}

export async function createAgency(o: { trx: Tx; actor: RequestActor; agency: AgencyInput }) {
  if (!can(o.actor, 'create', 'agency')) throw new AppError('forbidden')
  const a = o.agency
  const row = await o.trx
    .insertInto('agencies')
    .values({ code: a.code, name_en: a.nameEn, name_km: a.nameKm, kind: a.kind })
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('conflict', { reason: 'code_taken' })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'agency',
    recordId: a.code,
    details: { ...a },
  })
  return row
}

export async function updateAgency(o: {
  trx: Tx
  actor: RequestActor
  code: string
  changes: Partial<Omit<AgencyInput, 'code'> & { active: boolean }>
}) {
  if (!can(o.actor, 'update', 'agency')) throw new AppError('forbidden')
  const c = o.changes
  const row = await o.trx
    .updateTable('agencies')
    .set({ name_en: c.nameEn, name_km: c.nameKm, kind: c.kind, active: c.active })
    .where('code', '=', o.code)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'agency',
    recordId: o.code,
    details: { changes: c },
  })
  return row
}

interface PostInput {
  code: string
  nameEn: string
  nameKm: string
  type: 'land' | 'river' | 'air' | 'sea'
  provinceCode: string
  neighbourCountry: string | null
  neighbourPost: string | null
}

async function assertProvince(trx: Tx, code: string | undefined) {
  if (code === undefined) return
  const found = await trx.selectFrom('provinces').select('code').where('code', '=', code).executeTakeFirst()
  if (!found)
    throw new AppError('validation_failed', {}, [{ path: 'body.provinceCode', code: 'unknown_province' }])
}

export async function createPost(o: { trx: Tx; actor: RequestActor; post: PostInput }) {
  if (!can(o.actor, 'create', 'post')) throw new AppError('forbidden')
  const p = o.post
  await assertProvince(o.trx, p.provinceCode)
  const row = await o.trx
    .insertInto('points_of_entry')
    .values({
      code: p.code,
      name_en: p.nameEn,
      name_km: p.nameKm,
      type: p.type,
      province_code: p.provinceCode,
      neighbour_country: p.neighbourCountry,
      neighbour_post: p.neighbourPost,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('conflict', { reason: 'code_taken' })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'post',
    recordId: p.code,
    details: { ...p },
  })
  return row
}

export async function updatePost(o: {
  trx: Tx
  actor: RequestActor
  code: string
  changes: Partial<Omit<PostInput, 'code'> & { active: boolean }>
}) {
  if (!can(o.actor, 'update', 'post')) throw new AppError('forbidden')
  const c = o.changes
  await assertProvince(o.trx, c.provinceCode)
  const row = await o.trx
    .updateTable('points_of_entry')
    .set({
      name_en: c.nameEn,
      name_km: c.nameKm,
      type: c.type,
      province_code: c.provinceCode,
      neighbour_country: c.neighbourCountry,
      neighbour_post: c.neighbourPost,
      active: c.active,
    })
    .where('code', '=', o.code)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'post',
    recordId: o.code,
    details: { changes: c },
  })
  return row
}
