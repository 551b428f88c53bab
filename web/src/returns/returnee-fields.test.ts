import { describe, expect, it } from 'vitest'
import { emptyFields, fromReturnee, returneeBody } from './returnee-fields.ts'
import type { Returnee } from './types.ts'

const sticky = { postCode: 'LAND-POIPET', returnType: 'spontaneous', groupId: null }
const body = (born: string) => returneeBody({ ...emptyFields, born }, sticky, null)

describe('the "born" box', () => {
  it('reads a birth date day-first, whole or partial, in either script’s digits', () => {
    expect(body('02/05/1990').birthDate).toBe('1990-05-02')
    expect(body('០២/០៥/១៩៩០').birthDate).toBe('1990-05-02')
    expect(body('5/1990').birthDate).toBe('1990-05')
    expect(body('1990').birthDate).toBe('1990')
    // ISO as typed by a reader that knows it still works.
    expect(body('1990-05-02').birthDate).toBe('1990-05-02')
  })

  it('reads up to three digits as an age, and sends anything else as typed for the server to refuse', () => {
    expect(body('៣៤')).toMatchObject({ birthDate: null, estimatedAge: 34 })
    expect(body('31/02/1990').birthDate).toBe('31/02/1990')
  })

  it('shows a stored birth date back day-first', () => {
    const r = (birthDate: string | null) =>
      ({ birthDate, estimatedAge: null, triageFlags: [], needs: [] }) as unknown as Returnee
    expect(fromReturnee(r('1990-05-02')).born).toBe('02/05/1990')
    expect(fromReturnee(r('1990-05')).born).toBe('05/1990')
    expect(fromReturnee(r('1990')).born).toBe('1990')
  })
})
