import type { ControlMethod, LabourExploitationType } from './htcds-vocabularies.ts'
import type { VulnerabilityType } from './vulnerability.ts'

/**
 * The identification and vulnerability screening form, as data: the web app renders it, the rule in
 * `identification.ts` reads it, and the question wording lives in the locale files under
 * `protection.screening.questions.<id>`.
 *
 * Structure followed (see IDENTIFICATION.md):
 * - Cambodia's *Guidelines on Forms and Procedures for Identification of Victims of Human Trafficking for
 *   Appropriate Service Provision* (NCCT, launched 25 Feb 2016, MoSVY-led working group) set the national
 *   procedure [research note §3, ref 42]. Their form text is not in our sources, so the indicator sections
 *   follow the definition those guidelines implement: the act – means – purpose elements of the UN
 *   Trafficking in Persons Protocol, Art. 3, with means not required for a child (Art. 3(c)) [ref 61].
 * - Unaccompanied / separated child as defined by the CRC Committee, General Comment No. 6 (2005).
 * - Indicators map to HTCDS Methods of Control and exploitation types so the answers pre-fill the case.
 * The wording must be checked against the Khmer text of the national guidelines before field use.
 */
export type AnswerKind = 'yesNoUnsure' | 'number' | 'choice'
export type YesNoUnsure = 'yes' | 'no' | 'unsure'
export type Answer = YesNoUnsure | number | string
export type Answers = Readonly<Record<string, Answer | undefined>>

export type Element = 'act' | 'means' | 'purpose'

export interface Question {
  id: string
  kind: AnswerKind
  /** `ifAgeUnknown`: asked when no age was given, so the officer judges the apparent age instead. */
  required: 'always' | 'ifAgeUnknown' | 'optional'
  element?: Element
  vulnerability?: VulnerabilityType
  controlMethods?: readonly ControlMethod[]
  labourExploitation?: readonly LabourExploitationType[]
  sexExploitation?: boolean
  options?: readonly string[]
  min?: number
  max?: number
}

export interface Section {
  id: string
  appliesTo: 'everyone' | 'child'
  questions: readonly Question[]
}

export interface FormDefinition {
  id: string
  version: string
  sections: readonly Section[]
}

const yn = (id: string, extra: Partial<Question> = {}): Question => ({
  id,
  kind: 'yesNoUnsure',
  required: 'always',
  ...extra,
})

export const CHILD_CARERS = ['parentOrPrimaryCaregiver', 'otherRelative', 'unrelatedAdult', 'alone'] as const
export type ChildCarer = (typeof CHILD_CARERS)[number]

export const IDENTIFICATION_FORM: FormDefinition = {
  id: 'identification',
  version: '2025.1',
  sections: [
    {
      id: 'person',
      appliesTo: 'everyone',
      questions: [
        { id: 'age', kind: 'number', required: 'optional', min: 0, max: 120 },
        yn('appearsUnder18', { required: 'ifAgeUnknown' }),
      ],
    },
    {
      id: 'act',
      appliesTo: 'everyone',
      questions: [
        yn('actRecruitedByIntermediary', { element: 'act' }),
        yn('actMovedByOthers', { element: 'act' }),
        yn('actHeldOrReceived', { element: 'act' }),
      ],
    },
    {
      id: 'means',
      appliesTo: 'everyone',
      questions: [
        yn('meansDeceived', { element: 'means', controlMethods: ['FalsePromises'] }),
        yn('meansThreatsOrForce', { element: 'means', controlMethods: ['Threats', 'PhysicalAbuse'] }),
        yn('meansDebt', { element: 'means', controlMethods: ['DebtBondage'] }),
        yn('meansDocumentsTaken', { element: 'means', controlMethods: ['WithholdsDocuments'] }),
        yn('meansNotFreeToLeave', { element: 'means', controlMethods: ['RestrictsMovement'] }),
        yn('meansEarningsTaken', { element: 'means', controlMethods: ['TakesEarnings'] }),
        yn('meansAbuseOfVulnerability', { element: 'means' }),
      ],
    },
    {
      id: 'purpose',
      appliesTo: 'everyone',
      questions: [
        yn('purposeForcedLabour', { element: 'purpose', labourExploitation: ['Other'] }),
        yn('purposeForcedCriminality', { element: 'purpose', labourExploitation: ['IllicitActivities'] }),
        yn('purposeSexualExploitation', { element: 'purpose', sexExploitation: true }),
        yn('purposeForcedMarriage', { element: 'purpose' }),
        yn('purposeOrganRemoval', { element: 'purpose' }),
      ],
    },
    {
      id: 'vulnerability',
      appliesTo: 'everyone',
      questions: [
        yn('vulMedicalNeed', { vulnerability: 'medicalNeed' }),
        yn('vulDisability', { vulnerability: 'disability' }),
        yn('vulPregnancy', { vulnerability: 'pregnancy' }),
        yn('vulNoDocuments', { vulnerability: 'noDocuments' }),
        yn('vulDestitution', { vulnerability: 'destitution' }),
        yn('vulUnpaidOrAbusiveWork', { vulnerability: 'labourExploitation' }),
        yn('vulViolence', { vulnerability: 'violenceOrAbuse' }),
        yn('vulDistress', { vulnerability: 'psychologicalDistress' }),
        yn('vulSubstanceDependence', { vulnerability: 'substanceDependence' }),
        yn('vulStranded', { vulnerability: 'stranded' }),
      ],
    },
    {
      id: 'child',
      appliesTo: 'child',
      questions: [
        { id: 'childCarer', kind: 'choice', required: 'always', options: CHILD_CARERS },
        yn('childSafeToContactFamily'),
      ],
    },
  ],
}

export function allQuestions(form: FormDefinition = IDENTIFICATION_FORM): Question[] {
  return form.sections.flatMap((s) => s.questions)
}
