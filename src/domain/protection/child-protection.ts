import type { ChildCarer, YesNoUnsure } from './identification-form.ts'

/**
 * Steps owed to a child with a protection concern, in the order they are taken. Based on the best-interests
 * procedure of UNHCR's Guidelines on Determining the Best Interests of the Child (2008) and the presumption
 * of childhood when age is in doubt; to be checked against MoSVY's child-protection procedure.
 * Labels: `protection.child.steps.<step>`.
 */
export const BEST_INTERESTS_STEPS = [
  'notifyChildProtection',
  'interimCare',
  'appointGuardian',
  'familyRiskAssessment',
  'familyTracing',
  'bestInterestsAssessment',
  'bestInterestsDetermination',
] as const
export type BestInterestsStep = (typeof BEST_INTERESTS_STEPS)[number]

export type ChildStatus = 'accompanied' | 'separated' | 'unaccompanied'

/**
 * CRC General Comment No. 6: separated = apart from both parents or the primary caregiver, perhaps with
 * other relatives; unaccompanied = apart from parents and relatives, with no adult responsible by law or
 * custom. An unrelated adult travelling with the child is not such an adult until shown to be.
 */
export function childStatusOf(carer: ChildCarer): ChildStatus {
  switch (carer) {
    case 'parentOrPrimaryCaregiver':
      return 'accompanied'
    case 'otherRelative':
      return 'separated'
    case 'unrelatedAdult':
    case 'alone':
      return 'unaccompanied'
  }
}

export interface ChildSituation {
  status: ChildStatus
  presumedVictim: boolean
  hasProtectionConcern: boolean
  safeToContactFamily: YesNoUnsure
}

export function bestInterestsSteps(child: ChildSituation): BestInterestsStep[] {
  const alone = child.status !== 'accompanied'
  const steps = new Set<BestInterestsStep>()
  if (child.hasProtectionConcern || alone) steps.add('bestInterestsAssessment')
  if (child.presumedVictim || alone) {
    steps.add('notifyChildProtection')
    steps.add('interimCare')
  }
  if (alone) {
    steps.add('appointGuardian')
    steps.add('familyTracing')
    steps.add('bestInterestsDetermination')
  }
  // Families are sometimes part of the trafficking: for a presumed victim a quick answer at the border is not
  // enough, the family is always assessed before anyone contacts them or returns the child.
  if (child.presumedVictim || (alone && child.safeToContactFamily !== 'yes'))
    steps.add('familyRiskAssessment')
  return BEST_INTERESTS_STEPS.filter((s) => steps.has(s))
}
