import { describe, expect, it } from 'vitest'
import { htcdsCaseStatus } from './htcds-export.ts'
import { assessIdentification } from './identification.ts'
import { allQuestions } from './identification-form.ts'
import { victimContextFromIdentification } from './victim-context.ts'

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
})
