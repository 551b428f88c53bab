import { describe, expect, it } from 'vitest'
import { newCase } from './case-record.ts'
import { EXPORT_QUASI_IDENTIFIERS, htcdsCaseStatus, toDeidentifiedRow } from './htcds-export.ts'
import { assessIdentification } from './identification.ts'
import { allQuestions } from './identification-form.ts'
import { checkKAnonymity } from './k-anonymity.ts'
import type { Person } from './person.ts'
import { victimContextFromIdentification } from './victim-context.ts'

const alpha2: Record<string, string> = { KHM: 'KH', THA: 'TH' }
const toAlpha2 = (a3: string) => alpha2[a3]

function screened() {
  const answers: Record<string, string | number> = { age: 22 }
  for (const q of allQuestions())
    if (q.kind === 'yesNoUnsure' && q.required === 'always') answers[q.id] = 'no'
  delete answers.childSafeToContactFamily
  Object.assign(answers, {
    actRecruitedByIntermediary: 'yes',
    meansDebt: 'yes',
    purposeForcedCriminality: 'yes',
    vulNoDocuments: 'yes',
  })
  const result = assessIdentification(answers)
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

function person(overrides: Partial<Person> = {}): Person {
  return {
    id: 'p-1',
    name: { latin: { given: 'Dara', family: 'Sok' } },
    gender: 'male',
    birthDate: '2003-01-20',
    nationality: 'KHM',
    ...overrides,
  }
}

describe('HTCDS mapping', () => {
  it('maps the workflow onto HTCDS case statuses', () => {
    expect(htcdsCaseStatus({ state: 'integration' })).toBe('Active')
    expect(htcdsCaseStatus({ state: 'monitoring' })).toBe('FollowUp')
    const closure = { requestedBy: 'a', approvedBy: 'b', at: '2025-01-01' }
    expect(htcdsCaseStatus({ state: 'closed', closure: { ...closure, reason: 'goalsAchieved' } })).toBe(
      'Closed',
    )
    expect(htcdsCaseStatus({ state: 'closed', closure: { ...closure, reason: 'referredOutside' } })).toBe(
      'ClosedReferred',
    )
  })

  it('pre-fills the victim context from a screening', () => {
    const victim = victimContextFromIdentification('p-1', screened(), 'officer-1', '2025-09-01T08:00:00Z')
    expect(victim).toMatchObject({
      methodsOfControl: ['DebtBondage'],
      labourExploitation: ['IllicitActivities'],
      vulnerabilities: ['Migration'],
      identification: { outcome: 'presumedVictim', vulnerabilityTypes: ['noDocuments'] },
    })
  })

  it('exports a de-identified row with no direct identifier and coarse quasi-identifiers', () => {
    const victim = victimContextFromIdentification('p-1', screened(), 'officer-1', '2025-09-01T08:00:00Z')
    const row = toDeidentifiedRow(
      {
        person: person(),
        victim,
        protectionCase: newCase('c-1', 'mosvy'),
        consents: [],
        registeredOn: '2025-09-01',
      },
      toAlpha2,
    )
    expect(row).toMatchObject({
      gender: 'Male',
      ageBand: '18-24',
      citizenship: 'KH',
      yearOfRegistration: '2025',
      caseStatus: 'Active',
      agreementToManagePersonalData: false,
      methodsOfControlDebtBondage: true,
      methodsOfControlThreats: false,
      typeOfLabourIllicitActivities: true,
    })
    const text = JSON.stringify(row)
    for (const secret of ['Dara', 'Sok"', '2003-01-20', 'p-1']) expect(text).not.toContain(secret)
  })

  it('feeds the k-anonymity check, which flags a lone foreign victim', () => {
    const victim = victimContextFromIdentification('p', screened(), 'o', '2025-09-01T08:00:00Z')
    const row = (p: Person) =>
      toDeidentifiedRow(
        { person: p, victim, protectionCase: newCase('c', 'm'), consents: [], registeredOn: '2025-09-01' },
        toAlpha2,
      )
    const rows = [...Array.from({ length: 11 }, () => row(person())), row(person({ nationality: 'THA' }))]
    const report = checkKAnonymity(rows, EXPORT_QUASI_IDENTIFIERS)
    expect(report.ok && report.value.tooSmall).toEqual([
      {
        values: { gender: 'Male', ageBand: '18-24', citizenship: 'TH', yearOfRegistration: '2025' },
        size: 1,
      },
    ])
  })
})
