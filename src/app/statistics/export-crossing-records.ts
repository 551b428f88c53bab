import { can } from '../../domain/identity/policy.ts'
import { ageBandOf, DEFAULT_AGE_BANDS } from '../../domain/statistics/age-bands.ts'
import { periodsBetween } from '../../domain/statistics/periods.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { type AnonymisedMicrodata, anonymiseMicrodata, type MicrodataRow } from './export-microdata.ts'
import { exportK } from './k-floor.ts'
import { refuse, statisticsAccess } from './statistics-access.ts'

/** A file a spreadsheet still opens; a longer period is better served by the aggregate exports. */
export const MAX_MICRODATA_ROWS = 500_000

/**
 * `GET /api/statistics/microdata/crossings`: one row per crossing with its quasi-identifiers generalised
 * (month, post, nationality, sex, age band; no name, document or day), then generalised further and
 * thinned until every combination is shared by at least k crossings — or refused. Read from the
 * crossings rollup, whose rows already carry the age on the crossing day. Audited with what was withheld.
 */
export async function exportCrossingRecords(o: {
  trx: Tx
  actor: RequestActor
  from: string
  to: string
  /** At least the administrator's floor; the floor when absent. */
  k?: number
}): Promise<AnonymisedMicrodata & { generatedOn: string }> {
  const { postCode } = statisticsAccess(o.actor, 'export', 1)
  if (!can(o.actor, 'read', 'statistics_microdata')) {
    throw new AppError('forbidden', {}, [{ code: 'exports.errors.microdataNeedsAccess' }])
  }
  const k = await exportK(o.trx, o.k)
  const range = periodsBetween(o.from, o.to, 'day')
  if (!range.ok) refuse(range.error, 'query.from')
  let query = o.trx.selectFrom('stat_crossings_now')
  if (postCode) query = query.where('post_code', '=', postCode)
  const groups = await query
    .select((eb) => [
      eb.fn<string>('substr', ['day', eb.val(1), eb.val(7)]).as('month'),
      'post_code',
      'direction',
      'nationality',
      'sex',
      'age',
      eb.fn.sum<number>('count').as('n'),
    ])
    .where('day', '>=', o.from)
    .where('day', '<=', o.to)
    .where('decision', '<>', 'refer_secondary')
    .groupBy(['month', 'post_code', 'direction', 'nationality', 'sex', 'age'])
    .orderBy(['month', 'post_code', 'direction', 'nationality', 'sex', 'age'])
    .execute()
  const total = groups.reduce((s, g) => s + Number(g.n), 0)
  if (total > MAX_MICRODATA_ROWS) {
    refuse(
      { code: 'exports.errors.tooManyRecords', params: { records: total, max: MAX_MICRODATA_ROWS } },
      'query.to',
    )
  }
  const rows: MicrodataRow[] = []
  for (const g of groups) {
    const row: MicrodataRow = {
      month: g.month,
      post: g.post_code,
      direction: g.direction,
      nationality: g.nationality || 'unknown',
      sex: g.sex || 'unknown',
      ageBand: ageBandOf(g.age, DEFAULT_AGE_BANDS)?.label ?? 'unknown',
    }
    for (let i = 0; i < Number(g.n); i++) rows.push(row)
  }
  const anonymised = anonymiseMicrodata(rows, { k })
  if (!anonymised.ok) {
    throw new AppError('rule_violation', {}, [
      { path: 'query', code: anonymised.error.code, params: anonymised.error.params ?? {} },
    ])
  }
  const { steps, withheld, records } = anonymised.value
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'export',
    resource: 'statistics_microdata',
    details: { source: 'crossings', from: o.from, to: o.to, k, steps, records, withheld },
  })
  return { ...anonymised.value, generatedOn: todayInCambodia() }
}
