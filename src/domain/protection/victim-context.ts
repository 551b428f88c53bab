import type {
  ControlMethod,
  HtcdsVulnerability,
  IsicSection,
  LabourExploitationType,
  Platform,
  RecruitmentMethod,
  SexExploitationType,
} from './htcds-vocabularies.ts'
import type { IdentificationResult, Outcome } from './identification.ts'
import type { Address } from './person.ts'
import type { VulnerabilityType } from './vulnerability.ts'

/**
 * HTCDS "Person Victim Context": how the person was recruited, controlled and exploited. Protection
 * content — only protection roles see it. HTCDS's AgreementToManagePersonalData is not stored here: it is
 * derived from the consent records (consent to services in force).
 */
export interface VictimContext {
  personId: string
  recruitmentPlatforms: Platform[]
  recruitmentMethods: RecruitmentMethod[]
  recruitmentLocation?: Address
  methodsOfControl: ControlMethod[]
  labourExploitation: LabourExploitationType[]
  labourIndustries: IsicSection[]
  sexExploitation: SexExploitationType[]
  exploitationLocation?: Address
  exploitationPlatforms: Platform[]
  vulnerabilities: HtcdsVulnerability[]
  vulnerabilityDetails?: string
  /** Passage's own: the screening that identified the person, and our finer vulnerability types. */
  identification?: {
    outcome: Outcome
    formVersion: string
    vulnerabilityTypes: VulnerabilityType[]
    by: string
    at: string
  }
}

export function emptyVictimContext(personId: string): VictimContext {
  return {
    personId,
    recruitmentPlatforms: [],
    recruitmentMethods: [],
    methodsOfControl: [],
    labourExploitation: [],
    labourIndustries: [],
    sexExploitation: [],
    exploitationPlatforms: [],
    vulnerabilities: [],
  }
}

/**
 * Pre-fills the context from a screening so the social worker starts from what was said at the border.
 * The screening cannot tell which kind of sexual exploitation, so that stays for the interview.
 */
export function victimContextFromIdentification(
  personId: string,
  result: IdentificationResult,
  by: string,
  at: string,
): VictimContext {
  return {
    ...emptyVictimContext(personId),
    methodsOfControl: [...result.htcds.methodsOfControl],
    labourExploitation: [...result.htcds.typeOfLabourExploitation],
    vulnerabilities: [...result.htcds.vulnerabilities],
    identification: {
      outcome: result.outcome,
      formVersion: result.formVersion,
      vulnerabilityTypes: [...result.vulnerabilities],
      by,
      at,
    },
  }
}
