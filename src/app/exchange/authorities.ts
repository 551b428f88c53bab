import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import type { AuthorityRow, Contact } from './exchange.tables.ts'
import { ensureOwnKeys } from './keys.ts'

export interface AuthorityInput {
  country: string
  nameEn: string
  nameKm: string
  contacts: Contact[]
}

const KHMER = /[\u1780-\u17FF]/
// Only a machine's own loopback may be reached over plain HTTP (a test pair, a local proxy to the real link).
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

function invalid(path: string, code: string, params: Record<string, unknown> = {}): AppError {
  return new AppError('validation_failed', {}, [{ path, code: `exchange.errors.${code}`, params }])
}

/** A partner's inbox URL: HTTPS (plain HTTP only on loopback), no credentials, no fragment. */
export function endpointProblem(endpoint: string): string | null {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return 'endpoint_invalid'
  }
  if (url.username || url.password || url.hash) return 'endpoint_invalid'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null
  return 'endpoint_not_https'
}

async function checkCommon(trx: Tx, a: AuthorityInput) {
  const country = await trx
    .selectFrom('countries')
    .select('alpha2')
    .where('alpha2', '=', a.country)
    .executeTakeFirst()
  if (!country) throw invalid('body.country', 'unknown_country', { country: a.country })
  if (!KHMER.test(a.nameKm)) throw invalid('body.nameKm', 'name_not_khmer')
}

type Values = { country: string; name_en: string; name_km: string; contacts: string }

/** Updates the authority when it exists, inserts it with `fresh` otherwise; one place for both saves. */
async function upsert(
  trx: Tx,
  code: string,
  exists: boolean,
  values: Values & Record<string, unknown>,
  fresh: Record<string, unknown>,
): Promise<AuthorityRow> {
  return exists
    ? trx
        .updateTable('exchange_authorities')
        .set(values)
        .where('code', '=', code)
        .returningAll()
        .executeTakeFirstOrThrow()
    : trx
        .insertInto('exchange_authorities')
        .values({ ...values, ...fresh, code } as never)
        .returningAll()
        .executeTakeFirstOrThrow()
}

const columnsOf = (a: AuthorityInput): Values => ({
  country: a.country,
  name_en: a.nameEn,
  name_km: a.nameKm,
  contacts: JSON.stringify(a.contacts),
})

async function audit(trx: Tx, actor: RequestActor, before: AuthorityRow | undefined, after: AuthorityRow) {
  await appendAudit(trx, auditActor(actor), {
    action: before ? 'update' : 'create',
    resource: 'exchange_authority',
    recordId: after.code,
    details: {
      self: after.is_self,
      endpoint: { from: before?.endpoint ?? null, to: after.endpoint },
      agency: after.agency_code,
      country: after.country,
    },
  })
}

/**
 * This instance's own authority (administrators): the code partners know it by, its names and contacts, and the
 * domestic agency that owns what the exchange brings in. The code is fixed once set — partners pinned it in their
 * agreements and receipts — and the first save makes the authority's keys.
 */
export async function saveOwnAuthority(o: {
  trx: Tx
  actor: RequestActor
  code: string
  agencyCode: string
  authority: AuthorityInput
}): Promise<AuthorityRow> {
  authorize(o.actor, 'update', 'exchange_agreement')
  await checkCommon(o.trx, o.authority)
  const agency = await o.trx
    .selectFrom('agencies')
    .select('code')
    .where('code', '=', o.agencyCode)
    .executeTakeFirst()
  if (!agency) throw invalid('body.agencyCode', 'unknown_agency', { agency: o.agencyCode })
  const self = await o.trx
    .selectFrom('exchange_authorities')
    .selectAll()
    .where('is_self', '=', true)
    .executeTakeFirst()
  if (self && self.code !== o.code)
    throw new AppError('rule_violation', { reason: 'exchange_self_code_fixed' })
  const taken = await o.trx
    .selectFrom('exchange_authorities')
    .select('is_self')
    .where('code', '=', o.code)
    .executeTakeFirst()
  if (taken && !taken.is_self) throw new AppError('conflict', { reason: 'exchange_code_is_partner' })
  const values = { ...columnsOf(o.authority), agency_code: o.agencyCode }
  const row = await upsert(o.trx, o.code, Boolean(self), values, { endpoint: null, is_self: true })
  if (!self) await ensureOwnKeys(o.trx)
  await audit(o.trx, o.actor, self, row)
  return row
}

/** A partner authority (administrators): names, contacts and the inbox URL its messages go to (null: by files). */
export async function savePartnerAuthority(o: {
  trx: Tx
  actor: RequestActor
  code: string
  endpoint: string | null
  authority: AuthorityInput
}): Promise<AuthorityRow> {
  authorize(o.actor, 'update', 'exchange_agreement')
  await checkCommon(o.trx, o.authority)
  if (o.endpoint !== null) {
    const problem = endpointProblem(o.endpoint)
    if (problem) throw invalid('body.endpoint', problem)
  }
  const before = await o.trx
    .selectFrom('exchange_authorities')
    .selectAll()
    .where('code', '=', o.code)
    .executeTakeFirst()
  if (before?.is_self) throw new AppError('rule_violation', { reason: 'exchange_partner_is_self' })
  const values = { ...columnsOf(o.authority), endpoint: o.endpoint }
  const row = await upsert(o.trx, o.code, Boolean(before), values, { agency_code: null })
  await audit(o.trx, o.actor, before, row)
  return row
}
