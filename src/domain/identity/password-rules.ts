export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256

// A handful of the most common choices and their local variants; length rules catch most of the rest.
const COMMON = new Set([
  'password1234',
  'passwordpassword',
  '123456789012',
  'qwertyuiopas',
  'administrator',
  'cambodia1234',
  'phnompenh123',
  'passage12345',
  'immigration1',
  'letmein12345',
])

export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'too_common'
  | 'contains_username'
  | 'too_few_distinct'
  | 'same_as_current'

/** NIST SP 800-63B style: length over composition, no common or personal passwords. */
export function checkPassword(password: string, username: string, current?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = []
  const chars = [...password]
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push('too_short')
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push('too_long')
  const lower = password.toLowerCase()
  if (COMMON.has(lower)) problems.push('too_common')
  if (username.length >= 3 && lower.includes(username.toLowerCase())) problems.push('contains_username')
  if (new Set(chars).size < 5) problems.push('too_few_distinct')
  if (current !== undefined && password === current) problems.push('same_as_current')
  return problems
}
