import { describe, expect, it } from 'vitest'
import { currentStay, expectedDirection, lastAdmitted, stayFrom } from './stay.ts'
import type { PastMovement } from './types.ts'

const move = (over: Partial<PastMovement>): PastMovement => ({
  id: 'm1',
  direction: 'entry',
  decision: 'admit',
  day: '2026-03-01',
  postCode: 'LAND-POIPET',
  permittedStayDays: 30,
  ...over,
})

describe('stays', () => {
  it('counts the entry day and the exit day', () => {
    expect(stayFrom(move({}), '2026-03-01').days).toBe(1)
    expect(stayFrom(move({}), '2026-03-30')).toMatchObject({ days: 30, overstayDays: 0, entryId: 'm1' })
  })

  it('counts overstay days past the permitted stay', () => {
    expect(stayFrom(move({}), '2026-03-31').overstayDays).toBe(1)
    expect(stayFrom(move({}), '2026-04-14').overstayDays).toBe(15)
  })

  it('leaves overstay unknown when no permitted stay was recorded', () => {
    expect(stayFrom(move({ permittedStayDays: null }), '2027-03-01')).toMatchObject({
      days: 366,
      overstayDays: null,
    })
  })

  it('moves the traveller only on admitted movements', () => {
    const history = [
      move({ id: 'a' }),
      move({ id: 'b', direction: 'exit', day: '2026-03-10' }),
      move({ id: 'c', day: '2026-04-01', decision: 'refuse' }),
      move({ id: 'd', day: '2026-04-02', decision: 'refer_secondary' }),
    ]
    expect(lastAdmitted(history)?.id).toBe('b')
    expect(expectedDirection(history)).toBe('entry')
    expect(currentStay(history, '2026-04-03')).toBeNull()
  })

  it('gives the running stay of a traveller inside', () => {
    const history = [move({ id: 'a', day: '2026-01-01', permittedStayDays: 15 })]
    expect(expectedDirection(history)).toBe('exit')
    expect(currentStay(history, '2026-01-20')).toMatchObject({ entryId: 'a', days: 20, overstayDays: 5 })
  })

  it('knows nothing of a traveller with no record', () => {
    expect(lastAdmitted([])).toBeNull()
    expect(expectedDirection([])).toBeNull()
    expect(currentStay([], '2026-01-01')).toBeNull()
  })
})
