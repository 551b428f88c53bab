import {
  type BestInterestsStep,
  bestInterestsSteps,
  type ChildStatus,
  childStatusOf,
} from './child-protection.ts'
import { ok, type Result } from './errors.ts'
import type { ControlMethod, HtcdsVulnerability, LabourExploitationType } from './htcds-vocabularies.ts'
import { isChild, validateAnswers } from './identification-answers.ts'
import {
  type Answers,
  allQuestions,
  CHILD_CARERS,
  type ChildCarer,
  type Element,
  type FormDefinition,
  IDENTIFICATION_FORM,
  type Question,
  type YesNoUnsure,
} from './identification-form.ts'
import type { ServiceType } from './organisation.ts'
import {
  HTCDS_VULNERABILITY_OF,
  OLDER_PERSON_AGE,
  SERVICES_FOR,
  SERVICES_FOR_PRESUMED_VICTIM,
  VULNERABILITY_TYPES,
  type VulnerabilityType,
} from './vulnerability.ts'

export const OUTCOMES = ['presumedVictim', 'vulnerableMigrant', 'noProtectionConcern'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** A recommendation with its reasons: the officer or social worker confirms it, nothing happens by itself. */
export interface IdentificationResult {
  outcome: Outcome
  formVersion: string
  isChild: boolean
  childStatus?: ChildStatus
  vulnerabilities: VulnerabilityType[]
  /** Questions answered yes, per element of the trafficking definition. */
  indicators: Record<Element, string[]>
  /** Indicator questions answered "unsure": what the full interview must explore. */
  uncertain: string[]
  bestInterestsSteps: BestInterestsStep[]
  suggestedServices: ServiceType[]
  /** Ready to pre-fill the HTCDS victim context. */
  htcds: {
    methodsOfControl: ControlMethod[]
    typeOfLabourExploitation: LabourExploitationType[]
    sexExploitation: boolean
    vulnerabilities: HtcdsVulnerability[]
  }
}

/**
 * Presumed victim: at least one "yes" for the act, the means and the purpose — for a child the act and
 * the purpose suffice, as consent obtained by any means is irrelevant for children. Partial indicators
 * make a vulnerable migrant (`traffickingIndicators`) referred for a full identification interview.
 */
export function assessIdentification(
  answers: Answers,
  form: FormDefinition = IDENTIFICATION_FORM,
): Result<IdentificationResult> {
  const valid = validateAnswers(answers, form)
  if (!valid.ok) return valid
  const child = isChild(answers)
  const questions = allQuestions(form)
  const yes = (q: Question) => answers[q.id] === 'yes'
  const indicators: Record<Element, string[]> = { act: [], means: [], purpose: [] }
  const uncertain: string[] = []
  for (const q of questions) {
    if (!q.element) continue
    if (yes(q)) indicators[q.element].push(q.id)
    else if (answers[q.id] === 'unsure') uncertain.push(q.id)
  }
  const has = (e: Element) => indicators[e].length > 0
  const presumedVictim = has('act') && has('purpose') && (child || has('means'))

  const vulnerabilities = new Set<VulnerabilityType>(
    questions.filter((q) => q.vulnerability && yes(q)).map((q) => q.vulnerability!),
  )
  const carer = child ? (answers.childCarer as ChildCarer | undefined) : undefined
  const childStatus =
    carer && (CHILD_CARERS as readonly string[]).includes(carer) ? childStatusOf(carer) : undefined
  if (childStatus === 'unaccompanied') vulnerabilities.add('unaccompaniedChild')
  if (childStatus === 'separated') vulnerabilities.add('separatedChild')
  if (typeof answers.age === 'number' && answers.age >= OLDER_PERSON_AGE) vulnerabilities.add('olderPerson')
  if (!presumedVictim && (has('act') || has('means') || has('purpose') || uncertain.length > 0)) {
    vulnerabilities.add('traffickingIndicators')
  }
  const vulnerabilityList = VULNERABILITY_TYPES.filter((v) => vulnerabilities.has(v))
  const outcome: Outcome = presumedVictim
    ? 'presumedVictim'
    : vulnerabilityList.length > 0
      ? 'vulnerableMigrant'
      : 'noProtectionConcern'

  const services = new Set<ServiceType>(presumedVictim ? SERVICES_FOR_PRESUMED_VICTIM : [])
  for (const v of vulnerabilityList) for (const s of SERVICES_FOR[v]) services.add(s)

  const steps =
    child && childStatus
      ? bestInterestsSteps({
          status: childStatus,
          presumedVictim,
          hasProtectionConcern: outcome !== 'noProtectionConcern',
          safeToContactFamily: (answers.childSafeToContactFamily as YesNoUnsure | undefined) ?? 'unsure',
        })
      : []

  const answeredYes = questions.filter(yes)
  return ok({
    outcome,
    formVersion: form.version,
    isChild: child,
    ...(childStatus ? { childStatus } : {}),
    vulnerabilities: vulnerabilityList,
    indicators,
    uncertain,
    bestInterestsSteps: steps,
    suggestedServices: [...services],
    htcds: {
      methodsOfControl: [...new Set(answeredYes.flatMap((q) => q.controlMethods ?? []))],
      typeOfLabourExploitation: [...new Set(answeredYes.flatMap((q) => q.labourExploitation ?? []))],
      sexExploitation: answeredYes.some((q) => q.sexExploitation),
      vulnerabilities: [...new Set(vulnerabilityList.flatMap((v) => HTCDS_VULNERABILITY_OF[v]))],
    },
  })
}
