import { narrowerScope, PROTECTION_ROLES, type Role, type Scope } from './roles.ts'

export const RESOURCES = [
  'user',
  'agency',
  'post',
  'audit',
  'reference',
  'session',
  'provider',
  'identification',
  'referral',
  'person',
  'case',
  'document',
  'examination',
  'examination_template',
  'document_statistics',
  'rule_set',
  'risk_evaluation',
  'risk_alert',
  'risk_analysis',
  'watchlist',
  'screening',
  'screening_hit',
  'crossing',
  'secondary_inspection',
  'shift',
  'refusal_reason',
  'returnee',
  'statistics',
  'statistics_microdata',
  'disclosure_settings',
  'plan',
  'plan_report',
  'training_record',
  'training_exercise',
  'exchange_agreement',
  'exchange_message',
  'exchange_arrival',
] as const
export type Resource = (typeof RESOURCES)[number]

export const ACTIONS = [
  'read',
  'create',
  'update',
  'disable',
  'reset_password',
  'verify',
  'approve',
  'export',
] as const
export type Action = (typeof ACTIONS)[number]

export interface Grant {
  role: Role
  action: Action
  resource: Resource
  /** The widest scope this grant reaches; the user's own scope may narrow it further. */
  scope: Scope
}

const everyone: Role[] = [
  'frontline_officer',
  'shift_supervisor',
  'post_chief',
  'investigator',
  'social_worker',
  'case_manager',
  'analyst',
  'administrator',
]

/** The roles at the border that screen travellers and refer them to protection. */
const border: Role[] = ['frontline_officer', 'shift_supervisor', 'post_chief']
const protection: Role[] = [...PROTECTION_ROLES]
/** Everyone but the counter's officers, who have no part in the plan's reporting. */
const planReaders: Role[] = everyone.filter((r) => r !== 'frontline_officer')

function grant(roles: Role[], actions: Action[], resource: Resource, scope: Scope): Grant[] {
  return roles.flatMap((role) => actions.map((action) => ({ role, action, resource, scope })))
}

/** The whole authorisation table: role × action × resource × scope. Anything not listed is denied. */
export const POLICY: readonly Grant[] = Object.freeze([
  ...grant(everyone, ['read'], 'reference', 'national'),
  ...grant(everyone, ['read'], 'agency', 'national'),
  ...grant(everyone, ['read'], 'post', 'national'),
  ...grant(['administrator'], ['create', 'update'], 'agency', 'national'),
  ...grant(['administrator'], ['create', 'update'], 'post', 'national'),
  ...grant(['administrator'], ['read', 'create', 'update', 'disable', 'reset_password'], 'user', 'national'),
  ...grant(['post_chief'], ['read'], 'user', 'post'),
  ...grant(['shift_supervisor'], ['read'], 'user', 'post'),
  ...grant(['administrator'], ['read', 'verify'], 'audit', 'national'),
  // The k floor of every k-anonymous export (statistics microdata, the HTCDS case export).
  ...grant(['administrator'], ['read', 'update'], 'disclosure_settings', 'national'),
  // Protection (issue 7): content only for protection roles; border roles screen and refer, and see the
  // status of their own referrals, never their content (the use cases narrow reads further).
  ...grant(everyone, ['read'], 'provider', 'national'),
  ...grant(['administrator', 'case_manager'], ['create', 'update'], 'provider', 'national'),
  ...grant([...border, ...protection], ['create'], 'identification', 'national'),
  ...grant(protection, ['read'], 'identification', 'national'),
  ...grant([...border, ...protection], ['read', 'create'], 'referral', 'national'),
  ...grant(protection, ['update'], 'referral', 'national'),
  ...grant(protection, ['read', 'create', 'update'], 'person', 'national'),
  ...grant(protection, ['read', 'create', 'update'], 'case', 'national'),
  ...grant(['case_manager'], ['approve', 'export'], 'case', 'national'),
  // Travel documents (issue 3): the border reads and examines documents, examinations stay at their post;
  // investigators may look them up; administrators keep the examination templates.
  ...grant(border, ['read', 'create'], 'document', 'national'),
  ...grant(['investigator'], ['read'], 'document', 'national'),
  ...grant(border, ['read', 'create'], 'examination', 'post'),
  ...grant(['investigator'], ['read'], 'examination', 'national'),
  ...grant([...border, 'investigator'], ['read'], 'examination_template', 'national'),
  ...grant(['administrator'], ['read', 'create', 'update'], 'examination_template', 'national'),
  ...grant(['shift_supervisor', 'post_chief'], ['read'], 'document_statistics', 'post'),
  ...grant(['analyst'], ['read'], 'document_statistics', 'national'),
  // Risk (issue 6). NCCT analysts and post chiefs are the senior risk roles: they write rule sets and approve them
  // (review, activate, retire). One role list for both is safe because the domain refuses approval by anyone who
  // wrote any part of a version, so every version is approved by a second person, and an analyst's draft can be
  // approved by a post chief who answers for the interview load it causes. Shift supervisors read the rules to test
  // them. Evaluations stay at the post that made them; alerts are read and acknowledged by the receiving agency.
  ...grant(['analyst', 'post_chief'], ['read', 'create', 'update', 'approve'], 'rule_set', 'national'),
  ...grant(['shift_supervisor'], ['read'], 'rule_set', 'national'),
  // Indicator precision over time: the evidence rules are tuned on, for the post chief's own post and nationally.
  ...grant(['analyst'], ['read'], 'risk_analysis', 'national'),
  ...grant(['post_chief'], ['read'], 'risk_analysis', 'post'),
  ...grant(border, ['read', 'create', 'update'], 'risk_evaluation', 'post'),
  ...grant(
    ['investigator', 'social_worker', 'case_manager', 'analyst'],
    ['read', 'update'],
    'risk_alert',
    'agency',
  ),
  // Screening (issue 4): an alert list is changed only by its owning agency's investigators (the use cases check
  // the list's agency) or by administrators; the border screens at its post; hits are adjudicated by supervisors
  // and chiefs at the post that raised them and by investigators of the agency that owns the list.
  ...grant(['investigator'], ['read', 'create', 'update'], 'watchlist', 'agency'),
  ...grant(['administrator'], ['read', 'create', 'update'], 'watchlist', 'national'),
  ...grant(border, ['create'], 'screening', 'post'),
  ...grant(['shift_supervisor', 'post_chief'], ['read', 'update'], 'screening_hit', 'post'),
  ...grant(['investigator'], ['read', 'update'], 'screening_hit', 'agency'),
  // Crossings (issue 5): the border records movements at its own post and reads that post's history (an inspection
  // shows the traveller's whole record, which stays need); NCCT analysts read every post for statistics.
  ...grant(border, ['read', 'create'], 'crossing', 'post'),
  ...grant(['analyst'], ['read'], 'crossing', 'national'),
  // Secondary inspection: any border officer at the post takes a referral and writes the interview; the outcome
  // (admit, refuse, hand over to police, refer to protection) is decided by a supervisor or the post chief.
  ...grant(border, ['read', 'create', 'update'], 'secondary_inspection', 'post'),
  ...grant(['shift_supervisor', 'post_chief'], ['approve'], 'secondary_inspection', 'post'),
  ...grant(border, ['read', 'create', 'update'], 'shift', 'post'),
  ...grant(['administrator'], ['create', 'update'], 'refusal_reason', 'national'),
  // Mass returns: immigration registers returnees at its post with MoSVY's social workers beside it, who follow
  // them anywhere; case managers read the registrations their cases start from.
  ...grant(border, ['read', 'create', 'update'], 'returnee', 'post'),
  ...grant(['social_worker'], ['read', 'create', 'update'], 'returnee', 'national'),
  ...grant(['case_manager'], ['read'], 'returnee', 'national'),
  // Statistics (issue 8): everyone below sees disclosure-controlled tables; only NCCT/IOM analysts see exact
  // small counts on screen (statistics_microdata). Exports are always disclosure-controlled.
  ...grant(['analyst', 'case_manager'], ['read', 'export'], 'statistics', 'national'),
  ...grant(['post_chief', 'shift_supervisor'], ['read'], 'statistics', 'post'),
  ...grant(['analyst'], ['read'], 'statistics_microdata', 'national'),
  // Plan monitoring (issue 14): senior staff of every agency read the plan; administrators and NCCT planners
  // (analysts of the counter-trafficking agency, checked by the use cases) shape it; the senior role of each
  // agency reports its values; the NCCT secretariat (an NCCT analyst of national scope) approves them.
  ...grant(planReaders, ['read'], 'plan', 'national'),
  ...grant(['administrator', 'analyst'], ['create', 'update'], 'plan', 'national'),
  ...grant(planReaders, ['read'], 'plan_report', 'national'),
  ...grant(
    ['post_chief', 'investigator', 'case_manager', 'analyst'],
    ['create', 'update'],
    'plan_report',
    'agency',
  ),
  ...grant(['analyst'], ['approve'], 'plan_report', 'national'),
  // Training (issue 14): everyone reads their own training record; NCCT/IOM analysts, post chiefs and
  // administrators run courses and exercise sets (the use cases narrow whose records by `trainingReach`).
  // Officers of the border and investigators train on the ground, which holds no live data.
  ...grant(everyone, ['read'], 'training_record', 'national'),
  ...grant(['analyst', 'post_chief', 'administrator'], ['create', 'update'], 'training_record', 'national'),
  ...grant(
    [...border, 'investigator', 'analyst', 'administrator'],
    ['read', 'create'],
    'training_exercise',
    'national',
  ),
  ...grant(['analyst', 'post_chief', 'administrator'], ['update'], 'training_exercise', 'national'),
  // Exchange (issue 17): administrators keep agreements and keys; analysts and case managers read them (and the
  // counts). Protection roles send and read messages; the border sees expected arrivals at its post and records
  // the arrivals there, a repatriated victim's handover included (the case it opens belongs to the receiving
  // protection agency, which the border does not read); MoSVY's social workers may record it too.
  ...grant(['administrator'], ['read', 'create', 'update'], 'exchange_agreement', 'national'),
  ...grant(['analyst', 'case_manager'], ['read'], 'exchange_agreement', 'national'),
  ...grant(['case_manager', 'social_worker'], ['read', 'create'], 'exchange_message', 'national'),
  ...grant(border, ['read', 'update'], 'exchange_arrival', 'post'),
  ...grant(['social_worker'], ['read', 'update'], 'exchange_arrival', 'national'),
  ...grant(['case_manager'], ['read'], 'exchange_arrival', 'national'),
])

export interface Actor {
  id: string
  role: Role
  scope: Scope
  agencyCode: string
  postCode: string | null
}

/** What a record is attached to, for scope checks. Omitted parts are not constrained. */
export interface Target {
  agencyCode?: string | null
  postCode?: string | null
}

/** The scope at which `actor` may do `action` on `resource`, or null when denied. */
export function allowedScope(actor: Actor, action: Action, resource: Resource): Scope | null {
  const g = POLICY.find((p) => p.role === actor.role && p.action === action && p.resource === resource)
  return g ? narrowerScope(g.scope, actor.scope) : null
}

export function inScope(actor: Actor, scope: Scope, target: Target | undefined): boolean {
  if (scope === 'national' || !target) return true
  if (scope === 'agency') return target.agencyCode == null || target.agencyCode === actor.agencyCode
  return (
    (target.agencyCode == null || target.agencyCode === actor.agencyCode) &&
    (target.postCode == null || (actor.postCode !== null && target.postCode === actor.postCode))
  )
}

export function can(actor: Actor, action: Action, resource: Resource, target?: Target): boolean {
  const scope = allowedScope(actor, action, resource)
  return scope !== null && inScope(actor, scope, target)
}

/** The navigation areas of the web shell a role may open, derived from the table so they never disagree. */
export function capabilities(actor: Actor): string[] {
  return POLICY.filter((g) => g.role === actor.role).map((g) => `${g.resource}:${g.action}`)
}
