import { describe, expect, it } from 'vitest'
import { riskContext } from './risk-facts.ts'
import type { PastMovement } from './types.ts'

const document = {
  documentCode: 'P',
  issuingState: 'KHM',
  nationality: 'KHM',
  birthDate: '2003-02-10',
  sex: 'F',
  expiryDate: '2031-01-01',
}
const entry: PastMovement = {
  id: 'e',
  direction: 'entry',
  decision: 'admit',
  day: '2026-05-01',
  postCode: 'LAND-POIPET',
  permittedStayDays: null,
}

describe('risk facts of an inspection', () => {
  it('takes the traveller and the document from the document and keeps the unknown unknown', () => {
    const c = riskContext({ document, history: [], day: '2026-06-01', travel: {} })
    expect(c.traveller).toEqual({
      ageYears: 23,
      sex: 'female',
      nationality: 'KHM',
      firstInternationalTrip: null,
    })
    expect(c.document).toEqual({ type: 'passport', issuingState: 'KHM', daysToExpiry: 1675 })
    expect(c.travel).toEqual({ direction: null, purpose: null, transport: null, declaredStayDays: null })
    expect(c.history).toEqual({ previousCrossings: 0, lastStayDays: null, recentCrossings: [] })
  })

  it('describes the record: crossings, the running stay and recent movements', () => {
    const refused = { ...entry, id: 'r', decision: 'refuse' as const, day: '2026-04-01' }
    const c = riskContext({
      document,
      history: [refused, entry],
      day: '2026-05-10',
      travel: { direction: 'exit' },
    })
    expect(c.traveller?.firstInternationalTrip).toBe(false)
    expect(c.history).toEqual({
      previousCrossings: 1,
      lastStayDays: 10,
      recentCrossings: [{ direction: 'entry', post: 'LAND-POIPET', daysAgo: 9 }],
    })
  })

  it('maps identity cards, unknown sexes, partial dates and companions', () => {
    const c = riskContext({
      document: { ...document, documentCode: 'ID', sex: null, birthDate: '2003', expiryDate: '2024-01-01' },
      history: [],
      day: '2026-05-10',
      travel: { companions: [{ relation: 'group_member', birthDate: '1970-01-01' }] },
    })
    expect(c.traveller).toMatchObject({ ageYears: null, sex: null })
    expect(c.document).toMatchObject({ type: 'identity_card', daysToExpiry: 0 })
    expect(c.companions).toEqual([{ relationship: 'other', ageYears: 56 }])
  })
})
