/** The protection API's views, as the server's presenters shape them. */
export interface PersonName {
  id: string
  givenLatin: string
  familyLatin: string
  givenKhmer: string | null
  familyKhmer: string | null
}

export interface Provider {
  id: string
  agencyCode: string
  nameEn: string
  nameKm: string
  type: string
  services: string[]
  provinceCode: string | null
  location: string
  contactName: string
  phone: string
  email: string
  shelterBeds: number | null
  shelterOccupied: number
  freeBeds: number | null
  active: boolean
}

export interface ReferralStatus {
  id: string
  state: string
  provider: { id: string; nameEn: string; nameKm: string } | null
  fromAgency: string
  fromPost: string | null
  toAgency: string
  createdAt: string
  answeredAt: string | null
  completedAt: string | null
}

export interface Referral extends ReferralStatus {
  person: PersonName | null
  caseId: string | null
  services: string[]
  note: string
  basis: 'consent' | 'override' | 'consentPending'
  identificationPending: boolean
  override: { ground: string; reason: string } | null
  createdBy: string | null
  steps: Record<string, { by: string | null; at: string; reason: string | null }>
}

export interface FollowUp {
  id: string
  dueDate: string
  completedOn: string | null
  note: string
  status: 'upcoming' | 'dueToday' | 'overdue' | 'done' | 'doneLate'
  daysLate: number
}

export interface CaseSummary {
  id: string
  number: number
  person: PersonName | null
  agencyCode: string
  state: string
  stage: string
  pending: 'closure' | 'transfer' | null
  caseWorker: { id: string; name: string | null } | null
  openedAt: string
  updatedAt: string
  nextDue: string | null
  overdue: number
}

export interface TimelineEntry {
  seq: number
  kind: string
  event: string
  from: string | null
  to: string | null
  by: string | null
  at: string
  details: Record<string, unknown>
}

export interface CaseView extends CaseSummary {
  htcdsStatus: string
  assessment: { by: string | null; at: string; summary: string | null } | null
  plan: {
    goals: string[]
    submittedBy: string | null
    submittedAt: string
    approvedBy: string | null
    approvedAt: string | null
  } | null
  pendingRequest: {
    kind: 'closure' | 'transfer'
    requestedBy: string | null
    requestedById: string
    at: string
    reason: string
    toAgency: string | null
  } | null
  closure: { reason: string; note: string | null; approvedBy: string | null; at: string } | null
  servicesDelivered: number
  reopenedCount: number
  availableEvents: string[]
  personDetails:
    | (PersonName & { birthDate: string | null; gender: string; nationality: string | null })
    | null
  consents: {
    status: Record<string, string>
    history: { id: string; purpose: string; decision: string; at: string }[]
  }
  identification: {
    outcome: string
    isChild: boolean
    childStatus: string | null
    vulnerabilities: string[]
    bestInterestsSteps: string[]
    suggestedServices: string[]
    screenedAt: string
  } | null
  referrals: Referral[]
  assistance: { id: string; service: string; note: string; by: string | null; at: string }[]
  followUps: FollowUp[]
  timeline: TimelineEntry[]
}

export interface Question {
  id: string
  kind: 'yesNoUnsure' | 'number' | 'choice'
  required: 'always' | 'ifAgeUnknown' | 'optional'
  options?: string[]
  min?: number
  max?: number
}

export interface IdentificationForm {
  version: string
  sections: { id: string; appliesTo: 'everyone' | 'child'; questions: Question[] }[]
}

export const SERVICES = [
  'shelter',
  'food',
  'medicalCare',
  'psychosocialSupport',
  'legalAid',
  'familyTracing',
  'transportHome',
  'vocationalTraining',
  'incomeSupport',
  'communitySupport',
] as const

export const CASE_STATES = [
  'registered',
  'assigned',
  'assessed',
  'planPendingApproval',
  'integration',
  'monitoring',
  'closed',
] as const
