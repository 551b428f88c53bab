import type { Client } from '../../test/test-app.ts'

/** Shared by the protection API tests: one presumed victim of a scam compound, as met at Poipet. */
export const POIPET_CENTRE = '7a0c1d2e-0001-4000-8000-000000000001'

export const presumedVictimAnswers = {
  age: 24,
  actRecruitedByIntermediary: 'yes',
  actMovedByOthers: 'yes',
  actHeldOrReceived: 'yes',
  meansDeceived: 'yes',
  meansThreatsOrForce: 'no',
  meansDebt: 'no',
  meansDocumentsTaken: 'yes',
  meansNotFreeToLeave: 'yes',
  meansEarningsTaken: 'no',
  meansAbuseOfVulnerability: 'no',
  purposeForcedLabour: 'no',
  purposeForcedCriminality: 'yes',
  purposeSexualExploitation: 'no',
  purposeForcedMarriage: 'no',
  purposeOrganRemoval: 'no',
  vulMedicalNeed: 'yes',
  vulDisability: 'no',
  vulPregnancy: 'no',
  vulNoDocuments: 'yes',
  vulDestitution: 'yes',
  vulUnpaidOrAbusiveWork: 'yes',
  vulViolence: 'no',
  vulDistress: 'no',
  vulSubstanceDependence: 'no',
  vulStranded: 'yes',
}

const consent = (purpose: string) => ({
  purpose,
  decision: 'given',
  givenBy: 'self',
  guardianName: null,
  method: 'verbal',
})

export function referralBody(over: Record<string, unknown> = {}) {
  return {
    person: {
      givenLatin: 'Sreypov',
      familyLatin: 'Chan',
      givenKhmer: 'ស្រីពៅ',
      familyKhmer: 'ចាន់',
      birthDate: null,
      birthDateEstimated: false,
      gender: 'female',
      nationality: 'KHM',
      mobilePhone: null,
      provinceCode: 'KH-1',
    },
    answers: presumedVictimAnswers,
    context: 'crossing',
    consents: [consent('services'), consent('sharing')],
    providerId: POIPET_CENTRE,
    services: ['shelter', 'food', 'medicalCare'],
    note: 'Came back from a compound in Poipet; no passport.',
    override: null,
    ...over,
  }
}

/** Refers a new person from the border and returns the referral id. */
export async function referFromBorder(officer: Client, over: Record<string, unknown> = {}): Promise<string> {
  const res = await officer.request('POST', '/api/protection/referrals', referralBody(over))
  if (res.statusCode !== 201) throw new Error(`referral failed: ${res.body}`)
  return res.json().id
}
