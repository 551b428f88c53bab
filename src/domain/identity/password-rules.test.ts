import { describe, expect, it } from 'vitest'
import { checkPassword } from './password-rules.ts'

describe('password rules', () => {
  it('accepts a long passphrase', () => {
    expect(checkPassword('river stone lotus morning', 'sokha')).toEqual([])
  })
  it('names every broken rule', () => {
    expect(checkPassword('sokha1', 'sokha')).toEqual(['too_short', 'contains_username'])
  })
  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('Password1234', 'dara')).toContain('too_common')
  })
  it('refuses a password of one repeated character', () => {
    expect(checkPassword('aaaaaaaaaaaaaaaa', 'dara')).toEqual(['too_few_distinct'])
  })
  it('counts Khmer characters as characters, not bytes', () => {
    expect(checkPassword('ពាក្យសម្ងាត់វែង', 'dara')).toEqual([])
  })
  it('refuses reusing the current password', () => {
    expect(checkPassword('river stone lotus morning', 'dara', 'river stone lotus morning')).toEqual([
      'same_as_current',
    ])
  })
})
