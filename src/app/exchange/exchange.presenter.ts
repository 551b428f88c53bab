import { toAgreement } from './agreements.ts'
import type { AgreementRow, ArrivalRow, AuthorityRow, MessageRow } from './exchange.tables.ts'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

export function presentAgreement(r: AgreementRow, day: string) {
  return {
    ...toAgreement(r),
    rules: r.rules as never,
    demo: r.demo,
    inForce: r.valid_from <= day && day <= r.valid_until,
  }
}

export function presentAuthority(a: AuthorityRow) {
  return {
    code: a.code,
    country: a.country,
    nameEn: a.name_en,
    nameKm: a.name_km,
    endpoint: a.endpoint,
    self: a.is_self,
    demo: a.demo,
    contacts: a.contacts,
  }
}

/** A message without its content: lists show what travelled (field names), never the personal data. */
export function presentMessage(m: MessageRow) {
  return {
    id: m.id,
    direction: m.direction,
    partner: m.partner_code,
    agreement: m.agreement_code,
    type: m.type,
    threadRef: m.thread_ref,
    sentAt: iso(m.sent_at) as string,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: iso(m.next_attempt_at),
    lastError: m.last_error,
    hash: m.hash,
    prevHash: m.prev_hash,
    receipted: m.receipt !== null,
    appliedRef: m.applied_ref,
    fields: Object.keys(m.content),
  }
}

export function presentArrival(a: ArrivalRow) {
  return {
    id: a.id,
    partner: a.partner_code,
    threadRef: a.thread_ref,
    postCode: a.post_code,
    borderPoint: a.border_point,
    expectedOn: a.expected_on,
    familyLatin: a.family_latin,
    givenLatin: a.given_latin,
    sex: a.sex,
    birthDate: a.birth_date,
    nationality: a.nationality,
    status: a.status,
    caseId: a.case_id,
    returneeId: a.returnee_id,
  }
}
