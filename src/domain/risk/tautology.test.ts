import { describe, expect, it } from 'vitest'
import { FIELDS } from './fields.ts'
import type { Condition } from './rule-language.ts'
import { analyseCondition } from './tautology.ts'

const verdict = (c: Condition, lists: Record<string, string[]> = {}, limit?: number) =>
  analyseCondition(c, (p) => FIELDS.get(p), lists, limit)
const age = (op: 'lt' | 'lte' | 'gt' | 'gte', value: number): Condition => ({
  field: 'traveller.ageYears',
  op,
  value,
})

describe('static tautology check', () => {
  it('sees that adjacent integer ranges cover every age', () => {
    expect(verdict({ any: [age('lte', 17), age('gte', 18)] })).toBe('always')
    expect(verdict({ any: [age('lte', 16), age('gte', 18)] })).toBe('depends')
  })

  it('sees the whole range of a field as always true and a range outside it as never', () => {
    expect(verdict({ field: 'traveller.ageYears', op: 'between', min: 0, max: 130 })).toBe('always')
    expect(verdict(age('gt', 130))).toBe('never')
  })

  it('reads the values of a named list', () => {
    const lists = { everywhere: ['A'] }
    const inOrOut: Condition = {
      any: [
        { field: 'travel.post', op: 'inList', list: 'everywhere' },
        { field: 'travel.post', op: 'ne', value: 'A' },
      ],
    }
    expect(verdict(inOrOut, lists)).toBe('always')
  })

  it('treats counts and indicator references as free, so it never calls a rule always true wrongly', () => {
    expect(verdict({ indicator: 'other' })).toBe('depends')
    expect(verdict({ any: [{ indicator: 'other' }, { not: { indicator: 'other' } }] })).toBe('always')
    expect(verdict({ count: 'companions', op: 'lte', value: 50 })).toBe('always')
    expect(verdict({ count: 'companions', op: 'lte', value: 3 })).toBe('depends')
  })

  it('gives up past its limit instead of running long', () => {
    const wide: Condition = {
      all: ['traveller.ageYears', 'history.lastStayDays', 'document.daysSinceIssue'].map((field) => ({
        field,
        op: 'in',
        values: [1, 5, 9],
      })),
    }
    expect(verdict(wide, {}, 1000)).toBe('too_complex')
    expect(verdict(wide)).toBe('depends')
  })

  it('gives up on a huge rule rather than stall the save', () => {
    const codes = Array.from({ length: 5000 }, (_, i) => `P${i}`)
    const huge: Condition = {
      any: [
        { field: 'travel.post', op: 'in', values: codes },
        { field: 'travel.sponsorId', op: 'in', values: codes },
      ],
    }
    expect(verdict(huge)).toBe('too_complex')
  })
})
