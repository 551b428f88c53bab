import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const c = loadConfig({})
    expect(c.port).toBe(8080)
    expect(c.host).toBe('127.0.0.1')
    expect(c.dataDir.endsWith('/data')).toBe(true)
    expect(c.databaseUrl).toBeUndefined()
  })

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true)
  })

  it('names every bad value in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrowError(ConfigError)
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })
    } catch (err) {
      expect(String(err)).toMatch(/PORT/)
      expect(String(err)).toMatch(/DATABASE_URL/)
    }
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(8080)
  })

  it('reads a replica only beside a primary, with its lag bound in milliseconds', () => {
    expect(loadConfig({}).readReplica).toBeUndefined()
    const c = loadConfig({
      DATABASE_URL: 'postgres://p@primary/passage',
      DATABASE_READ_URL: 'postgres://p@replica/passage',
      DATABASE_READ_MAX_LAG_SECONDS: '2.5',
    })
    expect(c.readReplica).toEqual({ url: 'postgres://p@replica/passage', maxLagMs: 2500, checkEveryMs: 1000 })
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://p@replica/passage' })).toThrowError(
      /DATABASE_URL/,
    )
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://p@primary/x', DATABASE_READ_URL: 'mysql://replica/x' }),
    ).toThrowError(/DATABASE_READ_URL/)
    expect(() =>
      loadConfig({
        DATABASE_URL: 'postgres://p@primary/x',
        DATABASE_READ_URL: 'postgres://p@replica/x',
        DATABASE_READ_MAX_LAG_SECONDS: '-1',
      }),
    ).toThrowError(/DATABASE_READ_MAX_LAG_SECONDS/)
  })
})
