import { fieldsOf, type MessageType, THREAD_FIELDS } from './message-types.ts'
import type { Refusal } from './refusals.ts'

/** How a message type's personal data may go: the person's consent, or for a child a best-interests decision. */
export type ConsentRule = 'required' | 'not_required'

/** What an agreement allows for one message type: minimisation is these lists, enforced by code. */
export interface TypeRule {
  purposes: string[]
  /** Allowed content fields; a field inside a list of rows is named `list.field` (`xch_Arrivals.prs_FirstName`). */
  fields: string[]
  retentionDays: number
  consent: ConsentRule
  /** For `repatriation.follow_up`: the months after a handover when a follow-up report is due (the SOP's timers). */
  followUpMonths?: number[]
  /**
   * For `repatriation.referral`: the agency on this side that takes a referred victim's protection case when the
   * border records the handover (in Cambodia MoSVY, which the repatriation SOPs name as the receiving ministry).
   */
  receivingAgency?: string
}

export interface LegalReference {
  title: string
  /** `YYYY-MM-DD`. */
  date: string
  article: string
}

/** An MOU or SOP as data: with whom, on what legal ground, until when, and per message type what may travel. */
export interface Agreement {
  id: string
  code: string
  title: string
  legal: LegalReference
  /** The partner authority's code (the other party; this instance's own authority is the first). */
  partner: string
  validFrom: string
  validUntil: string
  rules: Partial<Record<MessageType, TypeRule>>
}

/** The rule for `type` under `agreement` on `day` (`YYYY-MM-DD`), or why there is none. */
export function ruleFor(agreement: Agreement | null, type: MessageType, day: string): TypeRule | Refusal {
  if (!agreement) return { reason: 'unknown_agreement' }
  if (day < agreement.validFrom || day > agreement.validUntil)
    return { reason: 'expired_agreement', detail: agreement.code }
  const rule = agreement.rules[type]
  return rule ?? { reason: 'type_not_allowed', detail: type }
}

/** Every field path a type defines (`list.field` for fields of rows), so an agreement can name only real ones. */
export function fieldPaths(type: MessageType): string[] {
  return Object.entries(fieldsOf(type)).flatMap(([name, f]) =>
    f.kind === 'rows' ? Object.keys(f.fields).map((sub) => `${name}.${sub}`) : [name],
  )
}

/** An agreement's own mistakes: an allowed field the type does not have, a validity that ends before it starts. */
export function agreementProblems(a: Agreement): string[] {
  const problems: string[] = []
  if (a.validUntil < a.validFrom) problems.push('validity')
  for (const [type, rule] of Object.entries(a.rules) as [MessageType, TypeRule][]) {
    const known = new Set(fieldPaths(type))
    for (const f of rule.fields) if (!known.has(f)) problems.push(`${type}:${f}`)
    if (rule.followUpMonths?.length && type !== 'repatriation.follow_up')
      problems.push(`${type}:followUpMonths`)
    if (rule.receivingAgency && type !== 'repatriation.referral') problems.push(`${type}:receivingAgency`)
  }
  return problems
}

/** The consent fields travel whenever consent is required: the receiver checks them too. */
export const CONSENT_FIELDS = ['vic_AgreementToManagePersonalData', 'xch_BestInterestsDetermination'] as const

export function allowedPaths(rule: TypeRule): Set<string> {
  return new Set([...rule.fields, ...THREAD_FIELDS, ...(rule.consent === 'required' ? CONSENT_FIELDS : [])])
}

const ADULT_YEARS = 18

/** Is the person under 18 on `day`? An unknown birth date counts as a child: the stricter rule applies. */
export function isChild(birthDate: unknown, day: string): boolean {
  if (typeof birthDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return true
  const adultOn = `${Number(birthDate.slice(0, 4)) + ADULT_YEARS}${birthDate.slice(4)}`
  return day < adultOn
}

/**
 * Consent for a message carrying a person's data: an adult's agreement to share, or for a child a best-interests
 * determination (HTCDS has only the consent flag; the determination is our extension).
 */
export function consentRefusal(
  rule: TypeRule,
  content: Record<string, unknown>,
  day: string,
): Refusal | null {
  if (rule.consent !== 'required') return null
  if (isChild(content.prs_Birthdate, day)) {
    return content.xch_BestInterestsDetermination === 'done'
      ? null
      : { reason: 'missing_consent', detail: 'xch_BestInterestsDetermination' }
  }
  return content.vic_AgreementToManagePersonalData === 'yes'
    ? null
    : { reason: 'missing_consent', detail: 'vic_AgreementToManagePersonalData' }
}
