/**
 * Phone numbers as returnees give them: `012 345 678`, `097-123-4567`, `+855 12 345 678`, `85512345678`, or a
 * Thai number kept from work across the border (`+66 81 234 5678`). Cambodian numbers are 8 or 9 digits after the
 * trunk `0`; they are stored in E.164 (`+85512345678`) so one person's number is written one way.
 */
const SEPARATORS = /[\s().\-/]/g
const E164 = /^\+[1-9]\d{7,14}$/

export function normalisePhone(raw: string): string | null {
  const s = raw.replace(SEPARATORS, '')
  if (s === '') return null
  let national: string | null = null
  if (s.startsWith('+855')) national = s.slice(4)
  else if (s.startsWith('00855')) national = s.slice(5)
  else if (s.startsWith('855') && s.length >= 11) national = s.slice(3)
  else if (s.startsWith('0') && !s.startsWith('00')) national = s.slice(1)
  if (national !== null) {
    if (national.startsWith('0')) national = national.slice(1)
    return /^[1-9]\d{7,8}$/.test(national) ? `+855${national}` : null
  }
  const international = s.startsWith('00') ? `+${s.slice(2)}` : s
  return E164.test(international) ? international : null
}
