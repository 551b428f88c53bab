import type { Updateable } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'
import type {
  CheckRow,
  ExaminationTemplateTable,
  NewCheckRow,
  NewTemplateRow,
  TemplateRow,
} from './documents.tables.ts'

export const GENERIC_TEMPLATE_ID = 'generic'

/**
 * The most specific active template for a document: its issuer and document type (`P` for any passport
 * code), else the generic one. Among several series of one document, the one without a series comes first.
 */
export async function findTemplateFor(
  db: Executor,
  issuingState: string,
  documentCode: string,
): Promise<TemplateRow | undefined> {
  const specific = await db
    .selectFrom('examination_templates')
    .selectAll()
    .where('active', '=', true)
    .where('issuing_state', '=', issuingState)
    .where('document_code', '=', documentCode.slice(0, 1))
    .orderBy('series', (ob) => ob.asc().nullsFirst())
    .orderBy('id')
    .executeTakeFirst()
  return specific ?? findTemplate(db, GENERIC_TEMPLATE_ID)
}

export function findTemplate(db: Executor, id: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('examination_templates').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listTemplates(db: Executor): Promise<TemplateRow[]> {
  return db
    .selectFrom('examination_templates')
    .selectAll()
    .orderBy('issuing_state', (ob) => ob.asc().nullsFirst())
    .orderBy('id')
    .execute()
}

export function checksOf(db: Executor, templateIds: string[]): Promise<CheckRow[]> {
  if (templateIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('examination_checks')
    .selectAll()
    .where('template_id', 'in', templateIds)
    .orderBy('template_id')
    .orderBy('position')
    .execute()
}

export function insertTemplate(db: Executor, row: NewTemplateRow): Promise<TemplateRow | undefined> {
  return db
    .insertInto('examination_templates')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst()
}

export function updateTemplateRow(
  db: Executor,
  id: string,
  changes: Omit<Updateable<ExaminationTemplateTable>, 'id'>,
): Promise<TemplateRow | undefined> {
  return db
    .updateTable('examination_templates')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/** Inserts or replaces one check; returns it and whether it is new. */
export async function upsertCheck(
  db: Executor,
  row: NewCheckRow,
): Promise<{ row: CheckRow; created: boolean }> {
  const existing = await db
    .selectFrom('examination_checks')
    .select('id')
    .where('template_id', '=', row.template_id)
    .where('id', '=', row.id)
    .executeTakeFirst()
  const saved = await db
    .insertInto('examination_checks')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['template_id', 'id']).doUpdateSet({
        position: row.position,
        category: row.category,
        method: row.method,
        name_en: row.name_en,
        name_km: row.name_km,
        to_be_confirmed: row.to_be_confirmed,
        active: row.active ?? true,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
  return { row: saved, created: !existing }
}

export async function nextCheckPosition(db: Executor, templateId: string): Promise<number> {
  const r = await db
    .selectFrom('examination_checks')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('template_id', '=', templateId)
    .executeTakeFirst()
  return (r?.max ?? -1) + 1
}
