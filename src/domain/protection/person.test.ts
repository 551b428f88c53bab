import { describe, expect, it } from 'vitest'
import { freeBeds } from './organisation.ts'
import { type Person, searchableNames, validatePerson } from './person.ts'

function person(overrides: Partial<Person> = {}): Person {
  return {
    id: 'p-1',
    name: {
      latin: { given: 'Sokha', family: 'Chan' },
      khmer: { given: 'សុខា', family: 'ចាន់' },
      latinVariants: ['Sokhar Chan'],
    },
    gender: 'female',
    birthDate: '2001-04-14',
    nationality: 'KHM',
    mobilePhone: '+855 12 345 678',
    ...overrides,
  }
}

function codeOf(p: Person) {
  const result = validatePerson(p, '2025-09-01')
  return result.ok ? undefined : result.error.code
}

describe('person', () => {
  it('accepts a name in Latin and Khmer script with an E.164 phone number', () => {
    expect(codeOf(person())).toBeUndefined()
  })

  it('refuses Latin letters in the Khmer name and Khmer letters in the Latin name', () => {
    expect(
      codeOf(
        person({
          name: { latin: { given: 'Sokha', family: 'Chan' }, khmer: { given: 'Sokha', family: 'ចាន់' } },
        }),
      ),
    ).toBe('protection.errors.khmerNameNotKhmer')
    expect(codeOf(person({ name: { latin: { given: 'សុខា', family: 'Chan' } } }))).toBe(
      'protection.errors.latinNameNotLatin',
    )
  })

  it('refuses a person with no name at all, an undiallable number or a birth date in the future', () => {
    expect(codeOf(person({ name: { latin: { given: ' ', family: '' } } }))).toBe(
      'protection.errors.nameRequired',
    )
    expect(codeOf(person({ mobilePhone: '012-ABC' }))).toBe('protection.errors.invalidPhone')
    expect(codeOf(person({ birthDate: '2030-01-01' }))).toBe('protection.errors.birthDateInFuture')
    expect(codeOf(person({ birthDate: '2001-02-29' }))).toBe('protection.errors.invalidDate')
  })

  it('offers every spelling for duplicate search, Khmer family name first', () => {
    expect(searchableNames(person().name)).toEqual(['Sokha Chan', 'Sokhar Chan', 'ចាន់ សុខា'])
  })
})

describe('organisation', () => {
  it('counts free shelter beds, never below zero', () => {
    const base = { id: 'o', name: { en: 'Shelter' }, type: 'NGO', services: ['shelter'] } as const
    expect(freeBeds({ ...base, shelter: { beds: 20, occupied: 5 } })).toBe(15)
    expect(freeBeds({ ...base, shelter: { beds: 20, occupied: 25 } })).toBe(0)
    expect(freeBeds(base)).toBe(0)
  })
})
