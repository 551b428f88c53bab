import { describe, expect, it } from 'vitest'
import { checkCompanions } from './companions.ts'

const day = '2026-06-15'
const child = { travellerId: 'child', birthDate: '2018-01-01', day }

describe('companions of a child', () => {
  it('refuses a child under 12 without a parent or guardian', () => {
    const r = checkCompanions({ ...child, companions: [] })
    expect(r.age).toBe(8)
    expect(r.refusal).toEqual({
      code: 'crossings.rules.child_without_guardian',
      params: { age: 8, minimum: 12 },
    })
  })

  it('accepts a parent or a legal guardian', () => {
    for (const relation of ['parent', 'legal_guardian'] as const)
      expect(
        checkCompanions({ ...child, companions: [{ travellerId: 'p', relation, birthDate: '1985-01-01' }] })
          .refusal,
      ).toBeNull()
  })

  it('does not take a relative, a minor parent or the child itself as guardian', () => {
    const uncle = { travellerId: 'u', relation: 'relative' as const, birthDate: '1980-01-01' }
    expect(checkCompanions({ ...child, companions: [uncle] }).refusal?.code).toBe(
      'crossings.rules.child_without_guardian',
    )
    const teen = { travellerId: 't', relation: 'parent' as const, birthDate: '2010-01-01' }
    expect(checkCompanions({ ...child, companions: [teen] }).refusal).not.toBeNull()
    const self = { travellerId: 'child', relation: 'parent' as const, birthDate: null }
    expect(checkCompanions({ ...child, companions: [self] }).refusal?.code).toBe(
      'crossings.rules.self_companion',
    )
  })

  it('trusts a guardian whose age is unknown, and a child whose age is unknown is left to the officer', () => {
    const guardian = { travellerId: 'g', relation: 'legal_guardian' as const, birthDate: null }
    expect(checkCompanions({ ...child, companions: [guardian] }).refusal).toBeNull()
    expect(checkCompanions({ ...child, birthDate: '2018', companions: [] })).toEqual({
      age: null,
      refusal: null,
      unaccompaniedMinor: false,
    })
  })

  it('flags a minor of 12 to 17 travelling alone, and not an adult', () => {
    expect(checkCompanions({ ...child, birthDate: '2014-06-15', companions: [] })).toEqual({
      age: 12,
      refusal: null,
      unaccompaniedMinor: true,
    })
    expect(checkCompanions({ ...child, birthDate: '2008-06-15', companions: [] }).unaccompaniedMinor).toBe(
      false,
    )
  })
})
