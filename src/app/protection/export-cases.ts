import { allowedScope } from '../../domain/identity/policy.ts'
import {
  type CaseExportProfile,
  type ExportRow,
  PROFILE_QUASI_IDENTIFIERS,
  PROFILE_ROW,
} from '../../domain/protection/case-export-profiles.ts'
import type { CaseRecord } from '../../domain/protection/case-record.ts'
import type { IdentificationResult } from '../../domain/protection/identification.ts'
import { checkKAnonymity, withoutSmallClasses } from '../../domain/protection/k-anonymity.ts'
import {
  emptyVictimContext,
  victimContextFromIdentification,
} from '../../domain/protection/victim-context.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { cambodiaDayOf, todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { exportK } from '../statistics/k-floor.ts'
import { caseRecordOf } from './cases.repository.ts'
import { toConsentRecord } from './persons.repository.ts'
import { unwrap } from './protection-actor.ts'
import { toDomainPerson } from './record-person.ts'

/**
 * The de-identified case export, one row per case, in the HTCDS or the CTDC shape (case-export-profiles.ts):
 * rows are checked for k-anonymity on the profile's quasi-identifiers and the records of classes smaller
 * than k are withheld before release. The export and what it withheld are audited.
 */
export async function exportCases(o: {
  db: Db
  actor: RequestActor
  k?: number
  profile: CaseExportProfile
}) {
  const scope = allowedScope(o.actor, 'export', 'case')
  if (!scope) throw new AppError('forbidden')
  // The administrator's floor, applied here so that no caller can ask for less.
  const k = await exportK(o.db, o.k)
  let q = o.db
    .selectFrom('protection_cases as c')
    .innerJoin('protection_persons as p', 'p.id', 'c.person_id')
    .leftJoin('protection_identifications as i', 'i.id', 'c.identification_id')
    .selectAll('p')
    .select([
      'c.id as case_id',
      'c.state',
      'c.record',
      'c.opened_at',
      'i.result',
      'i.screened_by',
      'i.screened_at',
    ])
  if (scope !== 'national') q = q.where('c.agency_code', '=', o.actor.agencyCode)
  const rows = await q.execute()
  const countries = await o.db.selectFrom('countries').select(['alpha3', 'alpha2']).execute()
  const alpha2 = new Map(countries.map((c) => [c.alpha3, c.alpha2]))
  const consents = rows.length
    ? await o.db
        .selectFrom('protection_consents')
        .selectAll()
        .where(
          'person_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : []
  const all: ExportRow[] = rows.map((r) => {
    const person = toDomainPerson(r.id, {
      givenLatin: '',
      familyLatin: '',
      givenKhmer: null,
      familyKhmer: null,
      birthDate: r.birth_date,
      birthDateEstimated: r.birth_date_estimated,
      gender: r.gender as 'unknown',
      nationality: r.nationality,
      mobilePhone: null,
      provinceCode: null,
    })
    const victim = r.result
      ? victimContextFromIdentification(
          r.id,
          r.result as IdentificationResult,
          r.screened_by!,
          r.screened_at!.toISOString(),
        )
      : emptyVictimContext(r.id)
    const record: CaseRecord = caseRecordOf({ id: r.case_id, state: r.state, record: r.record } as never)
    return PROFILE_ROW[o.profile](
      {
        person,
        victim,
        protectionCase: record,
        consents: consents.filter((c) => c.person_id === r.id).map(toConsentRecord),
        registeredOn: cambodiaDayOf(r.opened_at),
      },
      (a3) => alpha2.get(a3),
    )
  })
  const quasiIdentifiers = PROFILE_QUASI_IDENTIFIERS[o.profile]
  const report = unwrap(checkKAnonymity(all, quasiIdentifiers, k))
  const { kept, withheld } = unwrap(withoutSmallClasses(all, quasiIdentifiers, k))
  const summary = {
    profile: o.profile,
    k,
    records: all.length,
    released: kept.length,
    withheld,
    classesUnderK: report.tooSmall.length,
  }
  await o.db.transaction().execute((trx) =>
    appendAudit(trx, auditActor(o.actor), {
      action: 'export',
      resource: 'case',
      recordId: null,
      details: summary,
    }),
  )
  return {
    ...summary,
    quasiIdentifiers,
    generatedOn: todayInCambodia(),
    rows: kept,
  }
}
