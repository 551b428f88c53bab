import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import { auditActor, type RequestActor } from './actor.ts'
import { updateUserRow } from './users.repository.ts'

/** The interface language is remembered per user, so a shared counter PC follows whoever signs in. */
export async function setLocale(o: { trx: Tx; actor: RequestActor; locale: Locale }) {
  const user = await updateUserRow(o.trx, o.actor.id, { locale: o.locale })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'set_locale',
    resource: 'user',
    recordId: o.actor.id,
    details: { locale: o.locale },
  })
  return user
}
