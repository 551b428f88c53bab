import { describe, expect, it } from 'vitest'
import { readName, toMrzWords, writeName } from './names.ts'

const read = (field: string) => readName(field, 0, field.length)

describe('MRZ names', () => {
  it('splits the primary and secondary identifiers and single-spaces them', () => {
    expect(read('ERIKSSON<<ANNA<MARIA<<<<<<<<<<')).toMatchObject({
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      truncated: false,
    })
    expect(read('VAN<DER<BERG<<JAN<<<<<<<<<<<<<').surname).toBe('VAN DER BERG')
  })

  it('reads a name with no primary identifier, and one with no secondary identifier', () => {
    expect(read('<<SOKHA<<<<<<<<<<')).toMatchObject({ surname: '', givenNames: 'SOKHA' })
    expect(read('CHAN<DARA<<<<<<<<')).toMatchObject({ surname: 'CHAN DARA', givenNames: '' })
  })

  it('reads given names separated by double fillers (older French cards) as single-spaced', () => {
    expect(read('DUPONT<<JEAN<<PIERRE<<<<<<<<<<').givenNames).toBe('JEAN PIERRE')
  })

  it('reports a name that ends on the last position as possibly truncated', () => {
    expect(read('NILAVADHANANANDA<<CHAYAPA<DEJT').truncated).toBe(true)
  })

  it('flags digits in a name', () => {
    expect(read('ER1KSSON<<ANNA<<<<<').invalidCharacters).toBe(true)
  })

  it('transliterates, drops apostrophes and turns hyphens into fillers', () => {
    expect(toMrzWords("O'Brien-Smith")).toEqual(['OBRIEN', 'SMITH'])
    expect(toMrzWords('Müller Ærø Straße')).toEqual(['MUELLER', 'AEROE', 'STRASSE'])
    expect(toMrzWords('Nguyễn Văn Đức')).toEqual(['NGUYEN', 'VAN', 'DUC'])
  })

  it('truncates a long name so that the field still ends on a letter', () => {
    const written = writeName('Nilavadhanananda', 'Chayapa Dejthamrong', 30)
    expect(written.truncated).toBe(true)
    expect(written.field).toHaveLength(30)
    expect(written.field).toMatch(/[A-Z]$/)
    expect(read(written.field).truncated).toBe(true)
  })

  it('ends on the initial of the next name when the cut falls on a separator', () => {
    const written = writeName('Smith', 'John Paul', 12)
    expect(written.field).toBe('SMITH<<JOH<P')
  })
})
