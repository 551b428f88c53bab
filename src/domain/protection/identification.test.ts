import { describe, expect, it } from 'vitest'
import { assessIdentification } from './identification.ts'
import { missingAnswers } from './identification-answers.ts'
import { type Answers, allQuestions } from './identification-form.ts'

/** An adult who answered "no" to everything: each test says only what differs. */
function answers(overrides: Answers = {}): Answers {
  const base: Record<string, string | number> = { age: 30 }
  for (const q of allQuestions()) if (q.kind === 'yesNoUnsure' && q.required === 'always') base[q.id] = 'no'
  delete base.childSafeToContactFamily
  return { ...base, ...overrides }
}

function child(overrides: Answers = {}): Answers {
  return answers({
    age: 15,
    childCarer: 'parentOrPrimaryCaregiver',
    childSafeToContactFamily: 'yes',
    ...overrides,
  })
}

function assess(a: Answers) {
  const result = assessIdentification(a)
  if (!result.ok) throw new Error(`${result.error.code} ${JSON.stringify(result.error.params)}`)
  return result.value
}

describe('identification screening', () => {
  it('finds no protection concern when every indicator is absent', () => {
    expect(assess(answers())).toMatchObject({
      outcome: 'noProtectionConcern',
      vulnerabilities: [],
      suggestedServices: [],
    })
  })

  it('presumes an adult a victim when act, means and purpose are all present', () => {
    const result = assess(
      answers({
        actRecruitedByIntermediary: 'yes',
        meansDocumentsTaken: 'yes',
        meansDeceived: 'yes',
        purposeForcedCriminality: 'yes',
      }),
    )
    expect(result.outcome).toBe('presumedVictim')
    expect(result.indicators).toEqual({
      act: ['actRecruitedByIntermediary'],
      means: ['meansDeceived', 'meansDocumentsTaken'],
      purpose: ['purposeForcedCriminality'],
    })
    expect(result.htcds.methodsOfControl).toEqual(['FalsePromises', 'WithholdsDocuments'])
    expect(result.htcds.typeOfLabourExploitation).toEqual(['IllicitActivities'])
    expect(result.suggestedServices).toEqual(expect.arrayContaining(['shelter', 'food', 'medicalCare']))
  })

  it('does not presume an adult a victim without the means, but flags the indicators for an interview', () => {
    const result = assess(answers({ actMovedByOthers: 'yes', purposeForcedLabour: 'yes' }))
    expect(result.outcome).toBe('vulnerableMigrant')
    expect(result.vulnerabilities).toContain('traffickingIndicators')
  })

  it('presumes a child a victim on act and purpose alone, means being irrelevant for children', () => {
    const result = assess(child({ actMovedByOthers: 'yes', purposeSexualExploitation: 'yes' }))
    expect(result.outcome).toBe('presumedVictim')
    expect(result.htcds.sexExploitation).toBe(true)
  })

  it('treats "unsure" answers as things to explore, not as indicators', () => {
    const result = assess(
      answers({ actRecruitedByIntermediary: 'unsure', meansDebt: 'unsure', purposeForcedLabour: 'unsure' }),
    )
    expect(result.outcome).toBe('vulnerableMigrant')
    expect(result.uncertain).toEqual(['actRecruitedByIntermediary', 'meansDebt', 'purposeForcedLabour'])
  })

  it('names the vulnerabilities of a vulnerable migrant and the help to offer', () => {
    const result = assess(answers({ vulMedicalNeed: 'yes', vulStranded: 'yes', age: 64 }))
    expect(result.outcome).toBe('vulnerableMigrant')
    expect(result.vulnerabilities).toEqual(['medicalNeed', 'olderPerson', 'stranded'])
    expect(result.suggestedServices).toEqual(['medicalCare', 'transportHome', 'food'])
    expect(result.htcds.vulnerabilities).toEqual(['DisabilityAndPhysicalHealth', 'Migration'])
  })

  it('takes a child travelling alone down the unaccompanied-child path with best-interests steps', () => {
    const result = assess(child({ childCarer: 'alone', childSafeToContactFamily: 'unsure' }))
    expect(result).toMatchObject({
      outcome: 'vulnerableMigrant',
      isChild: true,
      childStatus: 'unaccompanied',
    })
    expect(result.vulnerabilities).toEqual(['unaccompaniedChild'])
    expect(result.bestInterestsSteps).toEqual([
      'notifyChildProtection',
      'interimCare',
      'appointGuardian',
      'familyRiskAssessment',
      'familyTracing',
      'bestInterestsAssessment',
      'bestInterestsDetermination',
    ])
  })

  it('treats a child with relatives but without parents as separated', () => {
    const result = assess(child({ childCarer: 'otherRelative' }))
    expect(result).toMatchObject({ childStatus: 'separated', vulnerabilities: ['separatedChild'] })
    expect(result.bestInterestsSteps).not.toContain('familyRiskAssessment')
  })

  it('asks for a risk assessment before contacting the family of a child presumed trafficked', () => {
    const result = assess(child({ actRecruitedByIntermediary: 'yes', purposeForcedLabour: 'yes' }))
    expect(result.bestInterestsSteps).toEqual([
      'notifyChildProtection',
      'interimCare',
      'familyRiskAssessment',
      'bestInterestsAssessment',
    ])
  })

  it('owes no best-interests steps to a child with parents and no concern', () => {
    expect(assess(child())).toMatchObject({
      outcome: 'noProtectionConcern',
      childStatus: 'accompanied',
      bestInterestsSteps: [],
    })
  })

  it('presumes a person of unknown age who may be under 18 to be a child', () => {
    const { age: _age, ...withoutAge } = answers()
    expect(missingAnswers(withoutAge)).toEqual(['appearsUnder18', 'childCarer', 'childSafeToContactFamily'])
    expect(missingAnswers({ ...withoutAge, appearsUnder18: 'no' })).toEqual([])
    expect(
      assess({ ...withoutAge, appearsUnder18: 'unsure', childCarer: 'alone', childSafeToContactFamily: 'no' })
        .isChild,
    ).toBe(true)
  })

  it('refuses incomplete, unknown or invalid answers, naming the question', () => {
    const error = (a: Answers) => {
      const r = assessIdentification(a)
      return r.ok ? undefined : r.error
    }
    const { meansDebt: _m, ...incomplete } = answers()
    expect(error(incomplete)).toEqual({
      code: 'protection.errors.unansweredQuestion',
      params: { question: 'meansDebt' },
    })
    expect(error(answers({ religion: 'x' }))).toEqual({
      code: 'protection.errors.unknownQuestion',
      params: { question: 'religion' },
    })
    expect(error(answers({ meansDebt: 'maybe' }))?.code).toBe('protection.errors.invalidAnswer')
    expect(error(answers({ age: 130 }))?.code).toBe('protection.errors.invalidAnswer')
    expect(error(child({ childCarer: 'neighbour' }))?.code).toBe('protection.errors.invalidAnswer')
    expect(error(answers({ age: 12 }))).toEqual({
      code: 'protection.errors.unansweredQuestion',
      params: { question: 'childCarer' },
    })
  })
})
