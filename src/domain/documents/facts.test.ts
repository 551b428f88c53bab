import { describe, expect, it } from 'vitest'
import { deriveFacts } from './facts.ts'
import { emptyFields, type MrzFields } from './result.ts'

const fields = (overrides: Partial<MrzFields>): MrzFields => ({
  ...emptyFields(),
  birthDate: '1990-03-15',
  expiryDate: '2030-03-14',
  nationality: 'KHM',
  ...overrides,
})
const on = (f: Partial<MrzFields>, onDate = '2026-05-20', expiryWarningDays?: number) =>
  deriveFacts(fields(f), { onDate, expiryWarningDays })

describe('facts on the crossing date', () => {
  it('computes the age in whole years, birthday included', () => {
    expect(on({ birthDate: '2008-05-20' }).age).toBe(18)
    expect(on({ birthDate: '2008-05-21' }).age).toBe(17)
  })

  it('flags a minor, and a child under 12 who is registered with a guardian', () => {
    expect(on({ birthDate: '2008-05-21' })).toMatchObject({ minor: true, underTwelve: false })
    expect(on({ birthDate: '2015-01-01' })).toMatchObject({ minor: true, underTwelve: true })
    expect(on({ birthDate: '1990-03-15' })).toMatchObject({ minor: false, underTwelve: false })
  })

  it('leaves minor undecided when an unknown birth month straddles the 18th birthday', () => {
    expect(on({ birthDate: '2008' })).toMatchObject({ age: null, ageMin: 17, ageMax: 18, minor: null })
    expect(on({ birthDate: '2000' })).toMatchObject({ ageMin: 25, ageMax: 26, minor: false })
  })

  it('asks for a review of an age over 100', () => {
    expect(on({ birthDate: '1925-01-01' }).ageNeedsReview).toBe(true)
  })

  it('says a document is valid on its expiry day and expired the day after', () => {
    expect(on({ expiryDate: '2026-05-20' })).toMatchObject({ expired: false, daysToExpiry: 0 })
    expect(on({ expiryDate: '2026-05-19' })).toMatchObject({ expired: true, daysToExpiry: -1 })
  })

  it('warns when the document expires within the horizon', () => {
    expect(on({ expiryDate: '2026-08-01' }).expiresSoon).toBe(true)
    expect(on({ expiryDate: '2026-08-01' }, '2026-05-20', 30).expiresSoon).toBe(false)
  })

  it('counts a partial expiry date to its last possible day', () => {
    expect(on({ expiryDate: '2026-05' }).daysToExpiry).toBe(11)
  })

  it('flags stateless and refugee documents as protection-relevant', () => {
    expect(on({ nationality: 'XXA' })).toMatchObject({
      statelessOrRefugee: 'stateless',
      protectionRelevant: true,
    })
    expect(on({ nationality: 'XXB' }).statelessOrRefugee).toBe('refugee')
    expect(on({ nationality: 'XXC' }).statelessOrRefugee).toBe('other_refugee')
    expect(on({ nationality: 'KHM' }).protectionRelevant).toBe(false)
  })

  it('gives unknown facts when the dates could not be read', () => {
    expect(on({ birthDate: null, expiryDate: null })).toMatchObject({ age: null, minor: null, expired: null })
  })
})
