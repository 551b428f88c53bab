import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { CheckRow, TemplateRow } from './documents.tables.ts'
import {
  checksOf,
  findTemplate,
  insertTemplate,
  nextCheckPosition,
  updateTemplateRow,
  upsertCheck,
} from './templates.repository.ts'

export interface TemplateInput {
  id: string
  issuingState: string | null
  documentCode: string | null
  series: string | null
  nameEn: string
  nameKm: string
  /** Start from the checks of an existing template (a new series usually differs in a few checks only). */
  copyChecksFrom?: string
}

/** Administrators add templates, e.g. a new series of a passport, usually starting from another's checks. */
export async function createTemplate(o: { trx: Tx; actor: RequestActor; template: TemplateInput }) {
  if (!can(o.actor, 'create', 'examination_template')) throw new AppError('forbidden')
  const t = o.template
  const source = t.copyChecksFrom ? await findTemplate(o.trx, t.copyChecksFrom) : undefined
  if (t.copyChecksFrom && !source)
    throw new AppError('validation_failed', {}, [
      { path: 'body.copyChecksFrom', code: 'validation.invalid_value' },
    ])
  const row = await insertTemplate(o.trx, {
    id: t.id,
    issuing_state: t.issuingState,
    document_code: t.documentCode,
    series: t.series,
    name_en: t.nameEn,
    name_km: t.nameKm,
  })
  if (!row) throw new AppError('conflict', { reason: 'code_taken' })
  const copied = source ? await checksOf(o.trx, [source.id]) : []
  for (const c of copied) await upsertCheck(o.trx, { ...c, template_id: row.id })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'examination_template',
    recordId: row.id,
    details: { ...t, copiedChecks: copied.length },
  })
  return { template: row, checks: await checksOf(o.trx, [row.id]) }
}

export interface TemplateChanges {
  nameEn?: string
  nameKm?: string
  series?: string | null
  active?: boolean
}

export async function updateTemplate(o: {
  trx: Tx
  actor: RequestActor
  id: string
  changes: TemplateChanges
}) {
  if (!can(o.actor, 'update', 'examination_template')) throw new AppError('forbidden')
  const c = o.changes
  const row = await updateTemplateRow(o.trx, o.id, {
    name_en: c.nameEn,
    name_km: c.nameKm,
    series: c.series,
    active: c.active,
  })
  if (!row) throw new AppError('not_found')
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'examination_template',
    recordId: o.id,
    details: { changes: c },
  })
  return { template: row, checks: await checksOf(o.trx, [row.id]) }
}

export interface CheckInput {
  category: string
  method: string
  nameEn: string
  nameKm: string
  toBeConfirmed: boolean
  active: boolean
  position?: number
}

/**
 * Adds or replaces one check of a template. Checks are never deleted, only deactivated, because recorded
 * examinations refer to them by id.
 */
export async function saveCheck(o: {
  trx: Tx
  actor: RequestActor
  templateId: string
  checkId: string
  check: CheckInput
}): Promise<CheckRow> {
  if (!can(o.actor, 'update', 'examination_template')) throw new AppError('forbidden')
  const template: TemplateRow | undefined = await findTemplate(o.trx, o.templateId)
  if (!template) throw new AppError('not_found')
  const c = o.check
  const existing = (await checksOf(o.trx, [template.id])).find((x) => x.id === o.checkId)
  const position = c.position ?? existing?.position ?? (await nextCheckPosition(o.trx, template.id))
  const { row, created } = await upsertCheck(o.trx, {
    template_id: template.id,
    id: o.checkId,
    position,
    category: c.category,
    method: c.method,
    name_en: c.nameEn,
    name_km: c.nameKm,
    to_be_confirmed: c.toBeConfirmed,
    active: c.active,
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: created ? 'create' : 'update',
    resource: 'examination_check',
    recordId: `${template.id}/${o.checkId}`,
    details: { ...c, position },
  })
  return row
}
