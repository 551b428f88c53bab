import { describe, expect, it } from 'vitest'
import type { Actor } from './errors.ts'
import type { Organisation } from './organisation.ts'
import {
  applyReferralCommand,
  createReferral,
  REFERRAL_EVENTS,
  REFERRAL_STATES,
  REFERRAL_TRANSITIONS,
  type Referral,
  type ReferralCommand,
  type ReferralEvent,
} from './referral-workflow.ts'

const AT = '2025-09-01T09:30:00Z'
const officer: Actor = { id: 'officer-1', organisationId: 'gdi-poipet', roles: ['frontline_officer'] }
const socialWorker: Actor = { id: 'sw-1', organisationId: 'mosvy-transit', roles: ['social_worker'] }

function transitCentre(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 'mosvy-transit',
    name: { en: 'Poipet Transit Centre', km: 'មជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្នប៉ោយប៉ែត' },
    type: 'CentralGovernmentOrganisation',
    services: ['shelter', 'food', 'medicalCare'],
    shelter: { beds: 40, occupied: 12 },
    ...overrides,
  }
}

function referral(state: Referral['state'] = 'pending'): Referral {
  const created = createReferral(
    { id: 'ref-1', toOrganisation: transitCentre(), services: ['shelter', 'food'] },
    officer,
    AT,
  )
  if (!created.ok) throw new Error(created.error.code)
  return { ...created.value, state }
}

const COMMANDS: Record<ReferralEvent, ReferralCommand> = {
  accept: { type: 'accept' },
  decline: { type: 'decline', reason: 'outside our mandate' },
  complete: { type: 'complete', outcome: 'sheltered 3 nights' },
  withdraw: { type: 'withdraw', reason: 'family came' },
}
const ACTOR_FOR: Record<ReferralEvent, Actor> = {
  accept: socialWorker,
  decline: socialWorker,
  complete: socialWorker,
  withdraw: officer,
}

const allowed = REFERRAL_STATES.flatMap((s) =>
  REFERRAL_EVENTS.flatMap((e) =>
    REFERRAL_TRANSITIONS[s][e] ? [[s, e, REFERRAL_TRANSITIONS[s][e]] as const] : [],
  ),
)
const forbidden = REFERRAL_STATES.flatMap((s) =>
  REFERRAL_EVENTS.filter((e) => !REFERRAL_TRANSITIONS[s][e]).map((e) => [s, e] as const),
)

describe('referral lifecycle', () => {
  it.each(allowed)('allows %s --%s--> %s and records who and when', (state, event, to) => {
    const result = applyReferralCommand(
      referral(state),
      COMMANDS[event],
      ACTOR_FOR[event],
      AT,
      transitCentre(),
    )
    expect(
      result.ok && [result.value.state, result.value.steps[event]?.by, result.value.steps[event]?.at],
    ).toEqual([to, ACTOR_FOR[event].id, AT])
  })

  it.each(forbidden)('refuses %s --%s-->', (state, event) => {
    const result = applyReferralCommand(
      referral(state),
      COMMANDS[event],
      ACTOR_FOR[event],
      AT,
      transitCentre(),
    )
    expect(result.ok ? undefined : result.error.code).toBe('protection.errors.transitionNotAllowed')
  })

  it('lets only the receiving provider accept and only the referrer withdraw', () => {
    const byOfficer = applyReferralCommand(referral(), COMMANDS.accept, officer, AT)
    expect(byOfficer.ok ? undefined : byOfficer.error.code).toBe('protection.errors.notReceivingAgency')
    const byProvider = applyReferralCommand(referral(), COMMANDS.withdraw, socialWorker, AT)
    expect(byProvider.ok ? undefined : byProvider.error.code).toBe(
      'protection.errors.notReferringOrganisation',
    )
  })

  it('requires a reason to decline', () => {
    const result = applyReferralCommand(referral(), { type: 'decline', reason: '' }, socialWorker, AT)
    expect(result.ok ? undefined : result.error.code).toBe('protection.errors.reasonRequired')
  })

  it('refuses acceptance of a shelter referral once the beds are full', () => {
    const full = transitCentre({ shelter: { beds: 40, occupied: 40 } })
    const result = applyReferralCommand(referral(), COMMANDS.accept, socialWorker, AT, full)
    expect(result.ok ? undefined : result.error.code).toBe('protection.errors.noCapacity')
  })

  it('refuses to refer to a provider without capacity or without the service', () => {
    const code = (org: Organisation, services: Organisation['services']) => {
      const r = createReferral({ id: 'r', toOrganisation: org, services }, officer, AT)
      return r.ok ? undefined : r.error.code
    }
    expect(code(transitCentre({ shelter: { beds: 10, occupied: 10 } }), ['shelter'])).toBe(
      'protection.errors.noCapacity',
    )
    expect(code(transitCentre(), ['legalAid'])).toBe('protection.errors.serviceNotOffered')
    expect(code(transitCentre(), [])).toBe('protection.errors.noServicesRequested')
    expect(code(transitCentre({ shelter: { beds: 10, occupied: 10 } }), ['food'])).toBeUndefined()
  })
})
