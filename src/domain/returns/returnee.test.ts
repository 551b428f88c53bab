import { describe, expect, it } from 'vitest'
import { checkReturnee, type ReturneeInput } from './returnee.ts'

// Province codes as in reference/provinces.csv.
const ctx = { today: '2026-11-21', provinces: new Set(['KH-1', 'KH-2', 'KH-14']) }

const returnee = (over: Partial<ReturneeInput> = {}): ReturneeInput => ({
  familyLatin: 'Sok',
  givenLatin: 'Dara',
  familyKhmer: null,
  givenKhmer: null,
  sex: 'M',
  birthDate: null,
  estimatedAge: 30,
  nationality: 'KHM',
  originProvince: 'KH-14',
  originDistrict: null,
  returnProvince: 'KH-14',
  returnDistrict: null,
  phone: null,
  groupId: null,
  returnType: 'spontaneous',
  triageFlags: [],
  needs: [],
  ...over,
})

const codes = (input: ReturneeInput) => {
  const r = checkReturnee(input, ctx)
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`)
}

describe('checkReturnee', () => {
  it('accepts a returnee known only by a Khmer name', () => {
    const r = checkReturnee(
      returnee({ familyLatin: null, givenLatin: null, familyKhmer: 'សុខ', givenKhmer: 'ដារ៉ា' }),
      ctx,
    )
    expect(r.ok && r.returnee.familyKhmer).toBe('សុខ')
  })

  it('refuses a returnee without any name', () => {
    expect(codes(returnee({ familyLatin: ' ', givenLatin: null }))).toEqual(['name:name_required'])
  })

  it('refuses Khmer script in a Latin name field and Latin in a Khmer one', () => {
    expect(codes(returnee({ familyLatin: 'សុខ', givenKhmer: 'Dara' }))).toEqual([
      'familyLatin:latin_name_not_latin',
      'givenKhmer:khmer_name_not_khmer',
    ])
  })

  it('refuses an impossible or future birth date, and accepts a year or a month alone', () => {
    expect(codes(returnee({ birthDate: '1990-02-30', estimatedAge: null }))).toEqual([
      'birthDate:invalid_birth_date',
    ])
    expect(codes(returnee({ birthDate: '2027', estimatedAge: null }))).toEqual([
      'birthDate:birth_date_in_future',
    ])
    expect(codes(returnee({ birthDate: '1990-13', estimatedAge: null }))).toEqual([
      'birthDate:invalid_birth_date',
    ])
    expect(codes(returnee({ birthDate: '1990-02', estimatedAge: null }))).toEqual([])
  })

  it('refuses an age outside 0 to 120', () => {
    expect(codes(returnee({ estimatedAge: 121 }))).toEqual(['estimatedAge:invalid_age'])
    expect(codes(returnee({ estimatedAge: 2.5 }))).toEqual(['estimatedAge:invalid_age'])
  })

  it('refuses a province that is not one of the reference codes', () => {
    expect(codes(returnee({ returnProvince: 'KH-99' }))).toEqual(['returnProvince:unknown_province'])
  })

  it('stores a Cambodian phone number in E.164 and refuses one that cannot be dialled', () => {
    const r = checkReturnee(returnee({ phone: '012 345 678' }), ctx)
    expect(r.ok && r.returnee.phone).toBe('+85512345678')
    expect(codes(returnee({ phone: '12' }))).toEqual(['phone:invalid_phone'])
  })

  it('derives the child flag from the age and removes it from an adult', () => {
    const child = checkReturnee(returnee({ estimatedAge: 15 }), ctx)
    expect(child.ok && child.returnee.triageFlags).toEqual(['child'])
    const adult = checkReturnee(returnee({ estimatedAge: 40, triageFlags: ['child', 'medical'] }), ctx)
    expect(adult.ok && adult.returnee.triageFlags).toEqual(['medical'])
  })

  it('presumes the youngest age a partial birth date allows', () => {
    // Born some time in 2008: on 2026-11-21 they may still be 17.
    const r = checkReturnee(returnee({ birthDate: '2008', estimatedAge: null }), ctx)
    expect(r.ok && r.returnee.triageFlags).toEqual(['child'])
  })

  it("keeps the officer's child flag when the age is unknown", () => {
    const r = checkReturnee(returnee({ estimatedAge: null, triageFlags: ['child'] }), ctx)
    expect(r.ok && r.returnee.triageFlags).toEqual(['child'])
  })

  it('makes an unaccompanied child a child and proposes a referral to protection', () => {
    const r = checkReturnee(returnee({ estimatedAge: null, triageFlags: ['unaccompanied_child'] }), ctx)
    expect(r.ok && r.returnee.triageFlags).toEqual(['child', 'unaccompanied_child'])
    expect(r.ok && r.referralProposed).toBe(true)
    expect(checkReturnee(returnee(), ctx)).toMatchObject({ ok: true, referralProposed: false })
  })

  it('refuses an adult flagged as an unaccompanied child', () => {
    expect(codes(returnee({ estimatedAge: 25, triageFlags: ['unaccompanied_child'] }))).toEqual([
      'triageFlags:unaccompanied_child_adult',
    ])
  })

  it('refuses unknown flags and needs, and orders the known ones', () => {
    expect(codes(returnee({ triageFlags: ['sick'] }))).toEqual(['triageFlags:unknown_flag'])
    expect(codes(returnee({ needs: ['money'] }))).toEqual(['needs:unknown_need'])
    const r = checkReturnee(returnee({ needs: ['shelter', 'food', 'food'] }), ctx)
    expect(r.ok && r.returnee.needs).toEqual(['food', 'shelter'])
  })
})
