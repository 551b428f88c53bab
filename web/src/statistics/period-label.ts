import { parsePeriod } from '../../../src/domain/statistics/periods.ts'

export interface PeriodWords {
  /** Short month names, January first. */
  months: readonly string[]
  /** A number in the reader's digits, without grouping (years). */
  digits: (n: number) => string
}

/**
 * A period key as a reader says it: `2026-03` → "Mar 2026" / "មីនា ២០២៦", a day in full. Month names come
 * from the message catalog rather than `Intl`, since browsers without Khmer locale data (Debian's
 * Chromium) would silently write them in English. Quarters and ISO weeks keep their shape, in the reader's digits.
 */
export function periodLabel(key: string, words: PeriodWords): string {
  const period = parsePeriod(key)
  if (!period.ok) return key
  const [year = 0, month = 1, day = 1] = period.value.start.split('-').map(Number)
  const name = words.months[month - 1] ?? String(month)
  switch (period.value.unit) {
    case 'month':
      return `${name} ${words.digits(year)}`
    case 'day':
      return `${words.digits(day)} ${name} ${words.digits(year)}`
    case 'year':
      return words.digits(year)
    default:
      // Quarters and weeks keep their shape (2026-Q1), in the reader's digits.
      return key.replace(/[0-9]/g, (d) => words.digits(Number(d)))
  }
}

/**
 * A breakdown's labels as a reader says them: periods by name ("មីនា ២០២៦", not `2026-03`) and labels made only of
 * figures (age bands `0-4`, `60+`) in the reader's digits, so a Khmer table never mixes the two scripts.
 */
export function readableLabels<T extends { label: string; code: string }>(
  items: readonly T[],
  dimension: string,
  words: PeriodWords,
): T[] {
  if (dimension.startsWith('period')) return items.map((i) => ({ ...i, label: periodLabel(i.code, words) }))
  return items.map((i) =>
    /\p{L}/u.test(i.label) ? i : { ...i, label: i.label.replace(/[0-9]/g, (d) => words.digits(Number(d))) },
  )
}
