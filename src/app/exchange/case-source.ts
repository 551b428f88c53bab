import { isChild } from '../../domain/exchange/index.ts'
import { can } from '../../domain/identity/policy.ts'
import { consentStatus } from '../../domain/protection/consent.ts'
import type { IdentificationResult } from '../../domain/protection/identification.ts'
import { type Gender, HTCDS_GENDER } from '../../domain/protection/person.ts'
import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'
import { findCase } from '../protection/cases.repository.ts'
import {
  findIdentification,
  findPerson,
  listConsents,
  toConsentRecord,
} from '../protection/persons.repository.ts'
import type { CaseRow } from '../protection/protection.tables.ts'

/** A case of the actor's reach, or not found: another agency's case is not shown to exist. */
export async function caseInReach(
  db: Executor,
  actor: RequestActor,
  caseId: string,
  action: 'read' | 'update',
): Promise<CaseRow> {
  const kase = await findCase(db, caseId)
  if (!kase || !can(actor, action, 'case', { agencyCode: kase.agency_code })) throw new AppError('not_found')
  return kase
}

export interface CaseConsent {
  /** The person's consent to sharing, as recorded in the case (never as the browser says). */
  sharing: 'given' | 'refused' | 'withdrawn' | 'notAsked'
  child: boolean
  /** For a child: the case manager states that a best-interests determination was made. */
  bestInterestsDone: boolean
}

/**
 * Everything the case holds that a referral could carry, under the message type's field names. This is more than
 * any agreement allows on purpose: `minimise()` then keeps what the chosen agreement lets go and names the rest
 * withheld, so the screen and the server decide from the same source.
 */
export async function caseSource(o: {
  db: Executor
  kase: CaseRow
  actor: RequestActor
  day: string
  note: string | null
  bestInterestsDone: boolean
}): Promise<{ source: Record<string, unknown>; consent: CaseConsent }> {
  const { db, kase } = o
  const person = await findPerson(db, kase.person_id)
  if (!person) throw new AppError('not_found')
  const [consents, identification, country, province, agency] = await Promise.all([
    listConsents(db, person.id),
    kase.identification_id ? findIdentification(db, kase.identification_id) : undefined,
    person.nationality
      ? db
          .selectFrom('countries')
          .select('alpha2')
          .where('alpha3', '=', person.nationality)
          .executeTakeFirst()
      : undefined,
    person.province_code
      ? db
          .selectFrom('provinces')
          .select('name_en')
          .where('code', '=', person.province_code)
          .executeTakeFirst()
      : undefined,
    db.selectFrom('agencies').select('name_en').where('code', '=', o.actor.agencyCode).executeTakeFirst(),
  ])
  const sharing = consentStatus(consents.map(toConsentRecord), 'sharing')
  const child = isChild(person.birth_date, o.day)
  const vulnerabilities = (identification?.result as IdentificationResult | undefined)?.vulnerabilities ?? []
  const source: Record<string, unknown> = {
    prs_FirstName: person.given_latin,
    prs_SecondName: person.family_latin,
    xch_FirstNameNative: person.given_khmer,
    xch_SecondNameNative: person.family_khmer,
    prs_Birthdate: person.birth_date,
    prs_Gender: HTCDS_GENDER[person.gender as Gender] ?? 'Unknown',
    prs_Nationality: country?.alpha2 ?? null,
    prs_MobilePhone: person.mobile_phone,
    xch_HomeProvince: province?.name_en ?? null,
    vic_AgreementToManagePersonalData: sharing === 'given' ? 'yes' : 'no',
    xch_BestInterestsDetermination: child && o.bestInterestsDone ? 'done' : null,
    vic_DetailsOfVulnerabilities: vulnerabilities.length > 0 ? vulnerabilities.join(', ') : null,
    cas_ReferringOrganisation: agency?.name_en ?? o.actor.agencyCode,
    cas_IncomingReferralDetails: o.note,
  }
  return { source, consent: { sharing, child, bestInterestsDone: child && o.bestInterestsDone } }
}
