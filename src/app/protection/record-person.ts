import { randomUUID } from 'node:crypto'
import { type Gender, type Person, validatePerson } from '../../domain/protection/person.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { PersonRow } from './protection.tables.ts'
import { unwrap } from './protection-actor.ts'

export interface PersonInput {
  givenLatin: string
  familyLatin: string
  givenKhmer: string | null
  familyKhmer: string | null
  birthDate: string | null
  birthDateEstimated: boolean
  gender: Gender
  nationality: string | null
  mobilePhone: string | null
  provinceCode: string | null
}

export function toDomainPerson(id: string, p: PersonInput): Person {
  return {
    id,
    name: {
      latin: { given: p.givenLatin, family: p.familyLatin },
      ...(p.givenKhmer || p.familyKhmer
        ? { khmer: { given: p.givenKhmer ?? '', family: p.familyKhmer ?? '' } }
        : {}),
    },
    gender: p.gender,
    ...(p.birthDate ? { birthDate: p.birthDate, birthDateEstimated: p.birthDateEstimated } : {}),
    ...(p.nationality ? { nationality: p.nationality } : {}),
    ...(p.mobilePhone ? { mobilePhone: p.mobilePhone } : {}),
    ...(p.provinceCode ? { address: { province: p.provinceCode } } : {}),
  }
}

/**
 * Records a person met at the border or by a social worker. `agencyCode` is the agency responsible for the
 * person's protection data: the receiving agency of a referral, otherwise the recorder's own.
 * Authorisation is the caller's (a referral or a screening), which is why this takes no policy decision.
 */
export async function recordPerson(o: {
  trx: Tx
  actor: RequestActor
  person: PersonInput
  agencyCode: string
}): Promise<PersonRow> {
  const id = randomUUID()
  unwrap(validatePerson(toDomainPerson(id, o.person), todayInCambodia()))
  const p = o.person
  const row = await o.trx
    .insertInto('protection_persons')
    .values({
      id,
      agency_code: o.agencyCode,
      given_latin: p.givenLatin.trim(),
      family_latin: p.familyLatin.trim(),
      given_khmer: p.givenKhmer?.trim() || null,
      family_khmer: p.familyKhmer?.trim() || null,
      birth_date: p.birthDate,
      birth_date_estimated: p.birthDateEstimated,
      gender: p.gender,
      nationality: p.nationality,
      mobile_phone: p.mobilePhone,
      province_code: p.provinceCode,
      created_by: o.actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  // No names in the audit details: the audit log is readable by administrators, who are not protection roles.
  await appendAudit(o.trx, auditActor(o.actor), { action: 'create', resource: 'person', recordId: id })
  return row
}
