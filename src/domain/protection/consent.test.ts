import { describe, expect, it } from 'vitest'
import {
  type ConsentRecord,
  canRefer,
  consentStatus,
  type ReferralRequest,
  requiredPurposes,
  validateConsentRecord,
} from './consent.ts'
import type { Actor } from './errors.ts'

const socialWorker: Actor = { id: 'sw-1', organisationId: 'mosvy', roles: ['social_worker'] }
const manager: Actor = { id: 'cm-1', organisationId: 'mosvy', roles: ['case_manager'] }

function consent(
  purpose: ConsentRecord['purpose'],
  decision: ConsentRecord['decision'],
  at = '2025-09-01T08:00:00Z',
): ConsentRecord {
  return { purpose, decision, givenBy: 'self', method: 'verbal', recordedBy: 'sw-1', at }
}

function shelterReferral(overrides: Partial<ReferralRequest> = {}): ReferralRequest {
  return { kind: 'service', fromOrganisationId: 'mosvy', toOrganisationId: 'ngo-shelter', ...overrides }
}

describe('consent', () => {
  it('is in force as last recorded for each purpose', () => {
    const records = [
      consent('sharing', 'given', '2025-09-01T08:00:00Z'),
      consent('sharing', 'withdrawn', '2025-09-03T08:00:00Z'),
    ]
    expect(consentStatus(records, 'sharing')).toBe('withdrawn')
    expect(consentStatus(records, 'services')).toBe('notAsked')
  })

  it('needs consent to services and to sharing for a service referral to another organisation', () => {
    expect(requiredPurposes(shelterReferral())).toEqual(['services', 'sharing'])
    expect(requiredPurposes(shelterReferral({ toOrganisationId: 'mosvy' }))).toEqual(['services'])
    expect(requiredPurposes(shelterReferral({ kind: 'lawEnforcement', toOrganisationId: 'police' }))).toEqual(
      ['sharing', 'reporting'],
    )
  })

  it('allows a referral with consent in force for every purpose it needs', () => {
    const records = [consent('services', 'given'), consent('sharing', 'given')]
    expect(canRefer(records, shelterReferral(), socialWorker)).toEqual({
      ok: true,
      value: { basis: 'consent' },
    })
  })

  it('blocks a referral without consent and says which purposes lack it', () => {
    expect(canRefer([consent('services', 'given')], shelterReferral(), socialWorker)).toEqual({
      ok: false,
      error: { code: 'protection.errors.consentRequired', params: { purposes: 'sharing' } },
    })
  })

  it('blocks a referral the person refused or withdrew consent to', () => {
    const records = [consent('services', 'given'), consent('sharing', 'refused')]
    const result = canRefer(records, shelterReferral(), socialWorker)
    expect(result.ok ? undefined : result.error.code).toBe('protection.errors.consentRefused')
  })

  it('lets consent never asked be asked later by the receiving agency, when the referrer says so', () => {
    expect(canRefer([], shelterReferral({ consentLater: true }), socialWorker)).toEqual({
      ok: true,
      value: { basis: 'consentPending', pending: ['services', 'sharing'] },
    })
    const oneGiven = canRefer(
      [consent('services', 'given')],
      shelterReferral({ consentLater: true }),
      socialWorker,
    )
    expect(oneGiven).toEqual({ ok: true, value: { basis: 'consentPending', pending: ['sharing'] } })
  })

  it('never lets "later" pass over a refusal', () => {
    const records = [consent('services', 'given'), consent('sharing', 'refused')]
    const result = canRefer(records, shelterReferral({ consentLater: true }), socialWorker)
    expect(result.ok ? undefined : result.error.code).toBe('protection.errors.consentRefused')
  })

  it('lets a permitted role override with a ground and a written reason, returning what to audit', () => {
    const override = {
      ground: 'vitalInterest',
      reason: 'Unconscious at the checkpoint, needs a hospital now',
    } as const
    expect(canRefer([], shelterReferral({ override }), manager)).toEqual({
      ok: true,
      value: {
        basis: 'override',
        overridden: ['services', 'sharing'],
        ground: 'vitalInterest',
        reason: override.reason,
        by: 'cm-1',
      },
    })
  })

  it('refuses an override by a role without the right, or with too short a reason', () => {
    const code = (r: ReturnType<typeof canRefer>) => (r.ok ? undefined : r.error.code)
    const override = {
      ground: 'vitalInterest',
      reason: 'Unconscious at the checkpoint, needs a hospital now',
    } as const
    expect(code(canRefer([], shelterReferral({ override }), socialWorker))).toBe(
      'protection.errors.overrideNotPermitted',
    )
    expect(
      code(canRefer([], shelterReferral({ override: { ...override, reason: 'urgent' } }), manager)),
    ).toBe('protection.errors.overrideReasonTooShort')
  })

  it('needs a guardian to consent for a child, and the guardian named', () => {
    const code = (r: ReturnType<typeof validateConsentRecord>) => (r.ok ? undefined : r.error.code)
    expect(code(validateConsentRecord(consent('services', 'given'), true))).toBe(
      'protection.errors.childConsentNeedsGuardian',
    )
    expect(code(validateConsentRecord(consent('services', 'refused'), true))).toBeUndefined()
    const byGuardian: ConsentRecord = { ...consent('services', 'given'), givenBy: 'appointedGuardian' }
    expect(code(validateConsentRecord(byGuardian, true))).toBe('protection.errors.guardianNameRequired')
    expect(code(validateConsentRecord({ ...byGuardian, guardianName: 'Sok Dara' }, true))).toBeUndefined()
    expect(code(validateConsentRecord({ ...consent('services', 'given'), at: 'yesterday' }, false))).toBe(
      'protection.errors.invalidConsentRecord',
    )
  })
})
