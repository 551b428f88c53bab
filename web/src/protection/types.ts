import type { ApiResult, Item } from '../api/contract.ts'

/** The protection API's views, read from the generated contract. */
export type Provider = Item<ApiResult<'/api/protection/providers', 'GET'>>
type ReferralItem = Item<ApiResult<'/api/protection/referrals', 'GET'>['items']>
/** The full referral, as its parties see it; others see its status only. */
export type Referral = Extract<ReferralItem, { caseId: unknown }>
export type ReferralStatus = Exclude<ReferralItem, { caseId: unknown }>
export type PersonName = NonNullable<Referral['person']>
export type CaseSummary = Item<ApiResult<'/api/protection/cases', 'GET'>>
export type CaseView = ApiResult<'/api/protection/cases/{id}', 'GET'>
export type FollowUp = Item<CaseView['followUps']>
export type TimelineEntry = Item<CaseView['timeline']>
export type IdentificationForm = ApiResult<'/api/protection/identification-form', 'GET'>
export type Question = Item<Item<IdentificationForm['sections']>['questions']>

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
