import { EXAMINATION_TEMPLATES } from '../../domain/documents/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { systemActor } from '../identity/manage-users.ts'

/**
 * Loads the shipped examination templates. Templates and checks that already exist are left exactly as
 * administrators edited them; only what is missing (a new release's templates or checks) is added.
 */
export async function seedExaminationTemplates(o: {
  trx: Tx
}): Promise<{ templates: number; checks: number }> {
  const templates = await o.trx
    .insertInto('examination_templates')
    .values(
      EXAMINATION_TEMPLATES.map((t) => ({
        id: t.id,
        issuing_state: t.issuingState,
        document_code: t.documentCode,
        series: t.series,
        name_en: t.name.en,
        name_km: t.name.km,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  const checks = await o.trx
    .insertInto('examination_checks')
    .values(
      EXAMINATION_TEMPLATES.flatMap((t) =>
        t.checks.map((c, position) => ({
          template_id: t.id,
          id: c.id,
          position,
          category: c.category,
          method: c.method,
          name_en: c.name.en,
          name_km: c.name.km,
          to_be_confirmed: c.toBeConfirmed,
        })),
      ),
    )
    .onConflict((oc) => oc.columns(['template_id', 'id']).doNothing())
    .executeTakeFirst()
  const counts = {
    templates: Number(templates.numInsertedOrUpdatedRows ?? 0n),
    checks: Number(checks.numInsertedOrUpdatedRows ?? 0n),
  }
  if (counts.templates + counts.checks > 0)
    await appendAudit(o.trx, systemActor, {
      action: 'seed',
      resource: 'examination_template',
      details: counts,
    })
  return counts
}
