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

  it('forgets every removed id, those added just as the table grew included', () => {
    const table = new IdTable()
    for (let i = 0; i < 5000; i++) table.add(`id-${i}`)
    for (let i = 0; i < 5000; i++) table.remove(i)
    const stillFound = Array.from({ length: 5000 }, (_, i) => `id-${i}`).filter((id) => table.slotOf(id) >= 0)
    expect(stillFound).toEqual([])
    expect(table.live).toBe(0)
  })

  it('comes back from its snapshot with the same ids, slots and removals, its hash table saved or not', () => {
    const table = new IdTable()
    for (let i = 0; i < 3000; i++) table.add(`id-${i}-ជា`)
    for (let i = 0; i < 3000; i += 7) table.remove(i)
    const snap = table.toSnapshot()
    const { table: _saved, ...withoutTable } = snap
    for (const copy of [IdTable.fromSnapshot(snap)!, IdTable.fromSnapshot(withoutTable)!]) {
      expect(copy.slots).toBe(3000)
      expect(copy.live).toBe(table.live)
      for (let i = 0; i < 3000; i++) {
        expect(copy.slotOf(`id-${i}-ជា`)).toBe(i % 7 === 0 ? -1 : i)
        expect(copy.idOf(i)).toBe(`id-${i}-ជា`)
      }
      // It goes on growing as the original would.
      expect(copy.add('new')).toBe(3000)
      expect(copy.slotOf('new')).toBe(3000)
    }
  })

  it('refuses a snapshot whose arrays disagree, and rebuilds a saved hash table that could never end a probe', () => {
    const table = new IdTable()
    for (let i = 0; i < 100; i++) table.add(`id-${i}`)
    const snap = table.toSnapshot()
    expect(IdTable.fromSnapshot({ ...snap, lengths: snap.lengths.subarray(1) })).toBeUndefined()
    expect(IdTable.fromSnapshot({ ...snap, offsets: snap.offsets.map((o) => o + 1_000_000) })).toBeUndefined()
    expect(IdTable.fromSnapshot({ ...snap, alive: snap.alive.map(() => 2) })).toBeUndefined()
    const full = IdTable.fromSnapshot({ ...snap, table: new Int32Array(256).fill(-1) })!
    expect(full.slotOf('id-42')).toBe(42)
    expect(full.slotOf('missing')).toBe(-1)
  })
})
