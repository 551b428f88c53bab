/** Built-in number formats that are dates (ECMA-376 Part 1, §18.8.30). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57])

/**
 * Whether a cell style's number format shows a date: a built-in date format, or a custom one with day, month or
 * year letters once quoted text, escapes and colour or condition brackets are left out.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILT_IN_DATES.has(id)) return true
  if (!code) return false
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
  return /[dmy]/i.test(bare)
}
