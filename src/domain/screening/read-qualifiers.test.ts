import { describe, expect, it } from 'vitest'
import { POSSIBLE_THRESHOLD } from './compare-names.ts'
import { EntryStore } from './entry-store.ts'
import { adjustedRead, qualifierAdjustment, readQualifiers } from './qualifiers.ts'

/**
 * A search reads each candidate's qualifiers from the packed store (`readQualifiersOf`) instead of through their
 * text; the two readings must be the same for every value a store can hold, or a score would change.
 */
const DATES = [
  '1990-05-07',
  '1990-05',
  '1990',
  '07/05/1990',
  '1990-00-00',
  '1990-XX-07',
  '1799-01-01',
  '2201',
]
const ODD_PACKED = [
  0, 19900000, 19900500, 19900507, 19901300, 19901307, 19900240, 17990101, 22010101, 999, 123456789,
]
const NATIONALITIES = [undefined, '', 'KHM', ' tha ', ['THA', 'TH'], ['KH', 'KHM', 'x1'], 'x', ['', ' ']]
const SEXES = [undefined, '', 'F', 'female', 'M', 'Male', 'X', 'Fxyz', 'q']

describe('qualifiers read from the packed store', () => {
  const store = new EntryStore()
  let n = 0
  for (const birthDate of DATES)
    for (const nationality of NATIONALITIES)
      for (const sex of SEXES) store.add(`e${n++}`, [[1]], birthDate, nationality, sex)
  for (const packed of ODD_PACKED)
    for (let sex = 0; sex <= 3; sex++) store.addPacked(`p${n++}`, [[1]], packed, 0, sex)

  const throughText = (slot: number) =>
    readQualifiers({
      birthDate: store.birthDate(slot),
      nationality: store.nationalityOf(slot),
      sex: store.sexOf(slot),
    })

  it('are what reading their text gives, slot by slot', () => {
    expect(store.size).toBe(DATES.length * NATIONALITIES.length * SEXES.length + ODD_PACKED.length * 4)
    for (let slot = 0; slot < store.size; slot++)
      expect(store.readQualifiersOf(slot)).toEqual(throughText(slot))
  })

  it('adjust a score to the last bit as the text-reading adjustment does', () => {
    const queries = [
      { birthDate: '1990-05-07', nationality: 'KHM', sex: 'F' },
      { birthDate: '1990-07-05', nationality: ['TH'], sex: 'M' },
      { birthDate: '1991', sex: 'x' },
      {},
    ]
    for (const query of queries) {
      const read = readQualifiers(query)
      for (let slot = 0; slot < store.size; slot++)
        for (const score of [0.5, POSSIBLE_THRESHOLD, 0.93]) {
          const text = {
            birthDate: store.birthDate(slot),
            nationality: store.nationalityOf(slot),
            sex: store.sexOf(slot),
          }
          expect(adjustedRead(0, score, POSSIBLE_THRESHOLD, read, store.readQualifiersOf(slot))).toBe(
            qualifierAdjustment(score, POSSIBLE_THRESHOLD, query, text),
          )
        }
    }
  })
})
