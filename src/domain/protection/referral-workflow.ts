import { type Actor, fail, ok, PROTECTION_ERRORS, type ProtectionError, type Result } from './errors.ts'
import { checkProviderCanServe, type Organisation, type ServiceType } from './organisation.ts'

export const REFERRAL_STATES = ['pending', 'accepted', 'declined', 'completed', 'withdrawn'] as const
export type ReferralState = (typeof REFERRAL_STATES)[number]

export const REFERRAL_EVENTS = ['accept', 'decline', 'complete', 'withdraw'] as const
export type ReferralEvent = (typeof REFERRAL_EVENTS)[number]

/** pending → accepted | declined | withdrawn; accepted → completed. Absent pairs are forbidden. */
export const REFERRAL_TRANSITIONS: Readonly<
  Record<ReferralState, Partial<Record<ReferralEvent, ReferralState>>>
> = {
  pending: { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' },
  accepted: { complete: 'completed' },
  declined: {},
  completed: {},
  withdrawn: {},
}

export interface Referral {
  id: string
  state: ReferralState
  caseId?: string
  fromOrganisationId: string
  toOrganisationId: string
  services: readonly ServiceType[]
  createdBy: string
  createdAt: string
  /** Who did each step and when, for the timeline and the time-to-assistance indicator. */
  steps: Partial<Record<ReferralEvent, { by: string; at: string; reason?: string }>>
}

export type ReferralCommand =
  | { type: 'accept' }
  | { type: 'decline'; reason: string }
  | { type: 'complete'; outcome?: string }
  | { type: 'withdraw'; reason: string }

/** Only the receiving provider answers or completes; only the referring organisation withdraws. */
function guard(
  referral: Referral,
  command: ReferralCommand,
  actor: Actor,
  provider?: Organisation,
): ProtectionError | undefined {
  const receiving = actor.organisationId === referral.toOrganisationId
  if (command.type === 'withdraw') {
    if (actor.organisationId !== referral.fromOrganisationId)
      return { code: PROTECTION_ERRORS.notReferringOrganisation }
  } else if (!receiving) return { code: PROTECTION_ERRORS.notReceivingAgency }
  if ((command.type === 'decline' || command.type === 'withdraw') && command.reason.trim() === '') {
    return { code: PROTECTION_ERRORS.reasonRequired }
  }
  // Beds fill up between referral and acceptance, so capacity is checked again here.
  if (command.type === 'accept' && provider) {
    const capable = checkProviderCanServe(provider, referral.services)
    if (!capable.ok) return capable.error
  }
  return undefined
}

export function applyReferralCommand(
  referral: Referral,
  command: ReferralCommand,
  actor: Actor,
  at: string,
  provider?: Organisation,
): Result<Referral> {
  const to = REFERRAL_TRANSITIONS[referral.state][command.type]
  if (!to) return fail(PROTECTION_ERRORS.transitionNotAllowed, { state: referral.state, event: command.type })
  const error = guard(referral, command, actor, provider)
  if (error) return { ok: false, error }
  const reason =
    'reason' in command ? command.reason.trim() : command.type === 'complete' ? command.outcome : undefined
  const step = { by: actor.id, at, ...(reason ? { reason } : {}) }
  return ok({ ...referral, state: to, steps: { ...referral.steps, [command.type]: step } })
}

export interface NewReferral {
  id: string
  caseId?: string
  toOrganisation: Organisation
  services: readonly ServiceType[]
}

/** A new pending referral, refused when the provider does not offer the services or has no free bed. */
export function createReferral(input: NewReferral, actor: Actor, at: string): Result<Referral> {
  const capable = checkProviderCanServe(input.toOrganisation, input.services)
  if (!capable.ok) return capable
  return ok({
    id: input.id,
    state: 'pending',
    ...(input.caseId ? { caseId: input.caseId } : {}),
    fromOrganisationId: actor.organisationId,
    toOrganisationId: input.toOrganisation.id,
    services: [...new Set(input.services)],
    createdBy: actor.id,
    createdAt: at,
    steps: {},
  })
}
