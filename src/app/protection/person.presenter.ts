import { CONSENT_PURPOSES, consentStatus } from '../../domain/protection/consent.ts'
import type { IdentificationResult } from '../../domain/protection/identification.ts'
import { toConsentRecord } from './persons.repository.ts'
import type { ConsentRow, IdentificationRow, PersonRow } from './protection.tables.ts'

/** Identifying data only: what a list of a protection worker's own cases may show. */
export function presentPersonName(p: PersonRow) {
  return {
    id: p.id,
    givenLatin: p.given_latin,
    familyLatin: p.family_latin,
    givenKhmer: p.given_khmer,
    familyKhmer: p.family_khmer,
  }
}

export function presentPerson(p: PersonRow) {
  return {
    ...presentPersonName(p),
    birthDate: p.birth_date,
    birthDateEstimated: p.birth_date_estimated,
    gender: p.gender,
    nationality: p.nationality,
    mobilePhone: p.mobile_phone,
    provinceCode: p.province_code,
    createdAt: p.created_at.toISOString(),
  }
}

export function presentConsents(rows: ConsentRow[]) {
  const records = rows.map(toConsentRecord)
  return {
    status: Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, consentStatus(records, p)])),
    history: rows.map((c) => ({
      id: c.id,
      purpose: c.purpose,
      decision: c.decision,
      givenBy: c.given_by,
      guardianName: c.guardian_name,
      method: c.method,
      at: c.at.toISOString(),
    })),
  }
}

/** Protection content (victim status, indicators, needs): only in views meant for protection roles. */
export function presentIdentification(i: IdentificationRow) {
  const r = i.result as IdentificationResult
  return {
    id: i.id,
    context: i.context,
    postCode: i.post_code,
    screenedAt: i.screened_at.toISOString(),
    outcome: r.outcome,
    isChild: r.isChild,
    childStatus: r.childStatus ?? null,
    vulnerabilities: r.vulnerabilities,
    indicators: r.indicators,
    uncertain: r.uncertain,
    bestInterestsSteps: r.bestInterestsSteps,
    suggestedServices: r.suggestedServices,
  }
}
