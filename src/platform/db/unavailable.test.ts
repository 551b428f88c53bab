import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './unavailable.ts'

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code })

describe('isDatabaseUnavailable', () => {
  it('counts a query a read replica cancelled for its replay as retryable', () => {
    // PostgreSQL 15's texts for a snapshot, a lock and a dropped database conflicting with recovery.
    expect(isDatabaseUnavailable(pgError('40001', 'canceling statement due to conflict with recovery'))).toBe(
      true,
    )
    expect(
      isDatabaseUnavailable(pgError('57P04', 'terminating connection due to conflict with recovery')),
    ).toBe(true)
  })

  it('does not count a serialization failure on the primary, a constraint or a bad value', () => {
    expect(
      isDatabaseUnavailable(pgError('40001', 'could not serialize access due to concurrent update')),
    ).toBe(false)
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(
      false,
    )
    expect(isDatabaseUnavailable(pgError('22P02', 'invalid input syntax for type uuid'))).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
  })
})
