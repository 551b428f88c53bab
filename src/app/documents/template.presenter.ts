import { z } from 'zod'
import type { CheckRow, TemplateRow } from './documents.tables.ts'

export const CheckView = z.object({
  id: z.string(),
  position: z.number(),
  category: z.string(),
  method: z.string(),
  nameEn: z.string(),
  nameKm: z.string(),
  toBeConfirmed: z.boolean(),
  active: z.boolean(),
})

export const TemplateView = z.object({
  id: z.string(),
  issuingState: z.string().nullable(),
  documentCode: z.string().nullable(),
  series: z.string().nullable(),
  nameEn: z.string(),
  nameKm: z.string(),
  active: z.boolean(),
  checks: z.array(CheckView),
})

export function presentCheck(c: CheckRow) {
  return {
    id: c.id,
    position: c.position,
    category: c.category,
    method: c.method,
    nameEn: c.name_en,
    nameKm: c.name_km,
    toBeConfirmed: c.to_be_confirmed,
    active: c.active,
  }
}

export function presentTemplate(t: TemplateRow, checks: CheckRow[]) {
  return {
    id: t.id,
    issuingState: t.issuing_state,
    documentCode: t.document_code,
    series: t.series,
    nameEn: t.name_en,
    nameKm: t.name_km,
    active: t.active,
    checks: checks.filter((c) => c.template_id === t.id).map(presentCheck),
  }
}
