import { describe, expect, it } from 'vitest'
import { decideMovement, type MovementInput } from './decide.ts'
import type { PastMovement } from './types.ts'

const entry = (over: Partial<PastMovement> = {}): PastMovement => ({
  id: 'e1',
  direction: 'entry',
  decision: 'admit',
  day: '2026-05-01',
  postCode: 'LAND-POIPET',
  permittedStayDays: 30,
  ...over,
})

const input = (over: Partial<MovementInput> = {}): MovementInput => ({
  travellerId: 't1',
  birthDate: '1990-01-01',
  day: '2026-05-20',
  direction: 'entry',
  decision: 'admit',
  refusalReason: null,
  refusalReasons: ['no_valid_document', 'no_valid_visa'],
  permit: null,
  companions: [],
  history: [],
  ...over,
})

const code = (i: MovementInput) => {
  const r = decideMovement(i)
  return r.ok ? null : r.refusal.code
}
const movement = (i: MovementInput) => {
  const r = decideMovement(i)
  if (!r.ok) throw new Error(r.refusal.code)
  return r.movement
}

describe('deciding a movement', () => {
  it('admits a first entry with nothing to flag', () => {
    expect(movement(input())).toEqual({ stay: null, age: 36, flags: [] })
  })

  it('computes the stay and the overstay of an exit from the matching entry', () => {
    const m = movement(input({ direction: 'exit', day: '2026-06-09', history: [entry()] }))
    expect(m.stay).toMatchObject({ entryId: 'e1', days: 40, permittedDays: 30, overstayDays: 10 })
    expect(m.flags).toEqual(['overstay'])
    expect(movement(input({ direction: 'exit', day: '2026-05-30', history: [entry()] })).flags).toEqual([])
  })

  it('flags an exit without a recorded entry and records it', () => {
    expect(movement(input({ direction: 'exit' }))).toMatchObject({
      stay: null,
      flags: ['exit_without_entry'],
    })
  })

  it('refuses an exit for someone already exited, and a second entry for someone inside', () => {
    const out = [entry(), entry({ id: 'x1', direction: 'exit', day: '2026-05-10' })]
    expect(decideMovement(input({ direction: 'exit', history: out }))).toEqual({
      ok: false,
      refusal: { code: 'crossings.rules.already_exited', params: { day: '2026-05-10', post: 'LAND-POIPET' } },
    })
    expect(code(input({ history: [entry()] }))).toBe('crossings.rules.already_inside')
    // Refused or referred, an attempt does not move the traveller: the refused entry leaves them outside.
    expect(code(input({ history: [entry({ decision: 'refuse', day: '2026-05-19' })] }))).toBeNull()
  })

  it('applies the sequence to refusals too, so a duplicate record of a refusal is caught', () => {
    expect(code(input({ decision: 'refuse', refusalReason: 'no_valid_visa', history: [entry()] }))).toBe(
      'crossings.rules.already_inside',
    )
  })

  it('does not let a second officer admit the same day someone another refused', () => {
    const refused = entry({ decision: 'refuse', day: '2026-05-20', postCode: 'LAND-BAVET' })
    expect(decideMovement(input({ history: [refused] }))).toEqual({
      ok: false,
      refusal: { code: 'crossings.rules.refused_today', params: { post: 'LAND-BAVET' } },
    })
    expect(code(input({ decision: 'refer_secondary', history: [refused] }))).toBeNull()
    expect(code(input({ day: '2026-05-21', history: [refused] }))).toBeNull()
  })

  it('needs a reason from the list to refuse, and none otherwise', () => {
    expect(code(input({ decision: 'refuse' }))).toBe('crossings.rules.reason_required')
    expect(code(input({ decision: 'refuse', refusalReason: 'looks_odd' }))).toBe(
      'crossings.rules.unknown_reason',
    )
    expect(code(input({ decision: 'refuse', refusalReason: 'no_valid_visa' }))).toBeNull()
    expect(code(input({ refusalReason: 'no_valid_visa' }))).toBe('crossings.rules.reason_only_for_refusal')
    expect(code(input({ decision: 'refer_secondary', refusalReason: 'no_valid_visa' }))).toBe(
      'crossings.rules.reason_only_for_refusal',
    )
  })

  it('refuses impossible permit dates and dates out of order', () => {
    const permit = {
      type: 'tourist_visa' as const,
      number: 'V1',
      validFrom: null,
      validUntil: null,
      permittedStayDays: 30,
    }
    expect(code(input({ permit: { ...permit, validUntil: '2026-02-30' } }))).toBe(
      'crossings.rules.impossible_date',
    )
    expect(code(input({ permit: { ...permit, validFrom: '2026-06-01', validUntil: '2026-05-01' } }))).toBe(
      'crossings.rules.permit_dates_order',
    )
    expect(code(input({ day: '2026-13-01' }))).toBe('crossings.rules.impossible_date')
  })

  it('flags an entry on an expired permit without refusing it', () => {
    const permit = {
      type: 'e_visa' as const,
      number: 'E1',
      validFrom: '2026-01-01',
      validUntil: '2026-05-19',
      permittedStayDays: 30,
    }
    expect(movement(input({ permit })).flags).toEqual(['permit_expired'])
  })

  it('refuses to admit a child under 12 without a guardian, but records a referral or a refusal', () => {
    const child = { birthDate: '2018-03-01' }
    expect(code(input(child))).toBe('crossings.rules.child_without_guardian')
    expect(movement(input({ ...child, decision: 'refer_secondary' })).flags).toEqual(['unaccompanied_minor'])
    const guardian = { travellerId: 'p', relation: 'parent' as const, birthDate: '1980-01-01' }
    expect(movement(input({ ...child, companions: [guardian] }))).toEqual({ stay: null, age: 8, flags: [] })
  })

  it('never accepts the traveller as their own companion', () => {
    const self = { travellerId: 't1', relation: 'group_member' as const, birthDate: null }
    expect(code(input({ decision: 'refuse', refusalReason: 'no_valid_visa', companions: [self] }))).toBe(
      'crossings.rules.self_companion',
    )
  })
})
