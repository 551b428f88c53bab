/**
 * The closed value sets (enumerations) that context fields and rules share. Two fields may be compared with each
 * other only when they draw from the same domain. Labels live in `src/locales/<locale>/risk.json` under
 * `risk.values.<domain>.<value>`.
 */
export const DOMAINS = {
  sex: ['female', 'male', 'unspecified'],
  direction: ['entry', 'exit'],
  purpose: ['tourism', 'work', 'business', 'family', 'study', 'transit', 'return', 'other'],
  transport: ['air', 'land', 'sea', 'river'],
  documentType: ['passport', 'border_pass', 'identity_card', 'laissez_passer', 'other'],
  jobOfferChannel: ['none', 'social_media', 'messaging_app', 'agency', 'employer', 'family_friend', 'other'],
  relationship: [
    'parent',
    'legal_guardian',
    'relative',
    'spouse',
    'friend',
    'employer',
    'recruiter',
    'other',
  ],
} as const satisfies Record<string, readonly string[]>

export type DomainName = keyof typeof DOMAINS
export type DomainValue<D extends DomainName> = (typeof DOMAINS)[D][number]

export type Sex = DomainValue<'sex'>
export type Direction = DomainValue<'direction'>
export type Purpose = DomainValue<'purpose'>
export type Transport = DomainValue<'transport'>
export type DocumentType = DomainValue<'documentType'>
export type JobOfferChannel = DomainValue<'jobOfferChannel'>
export type Relationship = DomainValue<'relationship'>

export function isDomainName(name: string): name is DomainName {
  return Object.hasOwn(DOMAINS, name)
}
