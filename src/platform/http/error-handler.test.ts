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
  it('hides any other error behind internal_error', () => {
    expect(toAppError(new Error('secret')).code).toBe('internal_error')
  })
})
