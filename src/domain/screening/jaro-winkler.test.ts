import { describe, expect, it } from 'vitest'
import { boundedEditDistance } from './edit-distance.ts'
import { jaroWinkler } from './jaro-winkler.ts'

describe('jaroWinkler', () => {
  it('gives the textbook values (Winkler 1990)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3)
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2)
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3)
  })

  it('is 1 for equal strings and 0 with nothing in common or an empty side', () => {
    expect(jaroWinkler('sok', 'sok')).toBe(1)
    expect(jaroWinkler('abc', 'xyz')).toBe(0)
    expect(jaroWinkler('', 'abc')).toBe(0)
  })
})

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent transpositions as one edit each', () => {
    expect(boundedEditDistance('sokha', 'sokha', 2)).toBe(0)
    expect(boundedEditDistance('sokha', 'sokah', 2)).toBe(1)
    expect(boundedEditDistance('sokha', 'sokhar', 2)).toBe(1)
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3)
  })

  it('stops at the budget and reports budget + 1 beyond it', () => {
    expect(boundedEditDistance('sokha', 'sophea', 1)).toBe(2)
    expect(boundedEditDistance('a', 'abcdefgh', 2)).toBe(3)
    expect(boundedEditDistance('x'.repeat(300), 'y'.repeat(300), 2)).toBe(3)
  })
})
