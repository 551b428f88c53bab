import { describe, expect, it } from 'vitest'
import { IdTable } from './id-table.ts'

describe('IdTable', () => {
  it('maps ids to slots and back through growth and rehashing', () => {
    const table = new IdTable()
    for (let i = 0; i < 5000; i++) expect(table.add(`id-${i}-ជា`)).toBe(i)
    expect(table.slotOf('id-4321-ជា')).toBe(4321)
    expect(table.idOf(17)).toBe('id-17-ជា')
    expect(table.slotOf('missing')).toBe(-1)
  })

  it('forgets removed ids and lets the same id come back in a new slot', () => {
    const table = new IdTable()
    table.add('a')
    table.add('b')
    table.remove(0)
    expect(table.slotOf('a')).toBe(-1)
    expect(table.isLive(0)).toBe(false)
    expect(table.slotOf('b')).toBe(1)
    expect(table.add('a')).toBe(2)
    expect(table.slotOf('a')).toBe(2)
    expect(table.live).toBe(2)
  })
})
