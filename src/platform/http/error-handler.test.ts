import { describe, expect, it } from 'vitest'
import { AppError } from '../errors/codes.ts'
import { toAppError } from './error-handler.ts'

describe('toAppError', () => {
  it('keeps an AppError as it is', () => {
    const e = new AppError('forbidden')
    expect(toAppError(e)).toBe(e)
  })
  it('turns a unique-index refusal from the database into a conflict', () => {
    expect(toAppError(Object.assign(new Error('duplicate key value'), { code: '23505' })).code).toBe(
      'conflict',
    )
  })
  it('tells the client to retry when the database went away, whatever way it was lost', () => {
    const lost = [
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], 'connect failed'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
    ]
    for (const err of lost) expect(toAppError(err).code, err.message).toBe('service_unavailable')
    expect(new AppError('service_unavailable').status).toBe(503)
    // A failed statement on a live connection is the request's fault or the server's, never "try again".
    expect(toAppError(Object.assign(new Error('syntax error'), { code: '42601' })).code).toBe(
      'internal_error',
    )
    expect(toAppError(Object.assign(new Error('canceled'), { code: '57014' })).code).toBe('internal_error')
  })
  it('hides any other error behind internal_error', () => {
    expect(toAppError(new Error('secret')).code).toBe('internal_error')
  })
})
