import { describe, expect, it } from 'vitest'
import { syntheticTraffic } from '../../domain/crossings/synthetic-traffic.ts'
import { cambodiaDayOf } from '../../platform/time/cambodia-day.ts'
import { cambodiaDayFast, orderedIds, TrafficBatch } from './seed-traffic-batch.ts'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('writing synthetic traffic in bulk', () => {
  it('gives the same day in Cambodia as the application, around midnight there too', () => {
    const start = Date.UTC(2025, 11, 30, 16, 0)
    for (let minutes = 0; minutes < 3 * 24 * 60; minutes += 17) {
      const at = new Date(start + minutes * 60_000)
      expect(cambodiaDayFast(at)).toBe(cambodiaDayOf(at))
    }
  })

  it('makes valid ids in increasing order, different in every run', () => {
    const a = orderedIds()
    const b = orderedIds()
    const ids = Array.from({ length: 5000 }, a)
    for (const id of ids) expect(id).toMatch(UUID_V7)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).not.toContain(b())
  })

  it('links each exit to the entry it closes and each admitted movement to the one before', () => {
    const batch = new TrafficBatch(orderedIds())
    const traffic = syntheticTraffic({
      seed: 3,
      movements: 2000,
      from: new Date(Date.UTC(2024, 0, 1)),
      days: 365,
    })
    for (const { traveller, movements } of traffic) batch.add(traveller, movements, 'T')
    const c = batch.c
    expect(c.id).toHaveLength(batch.movements)
    const index = new Map(c.id.map((id, i) => [id, i]))
    let exits = 0
    for (let i = 0; i < c.id.length; i++) {
      const matched = c.matched[i]
      if (matched) {
        exits++
        const entry = index.get(matched)!
        expect([c.direction[i], c.direction[entry], c.decision[entry]]).toEqual(['exit', 'entry', 'admit'])
        expect(c.traveller[entry]).toBe(c.traveller[i])
      }
      const previous = c.previous[i]
      if (previous) {
        const before = index.get(previous)!
        expect(before).toBeLessThan(i)
        expect([c.traveller[before], c.decision[before]]).toEqual([c.traveller[i], 'admit'])
      }
    }
    expect(exits).toBeGreaterThan(0)
  })
})
