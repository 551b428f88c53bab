/** Whole days between two ISO calendar days (`YYYY-MM-DD`), `to` minus `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** A real calendar day: shape and calendar both, so 2026-02-30 is refused rather than rolled over. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

/** Age in completed years on `day` from a full birth date, or null when the birth date is partial or unknown. */
export function ageOn(birthDate: string | null, day: string): number | null {
  if (!birthDate || !isCalendarDay(birthDate)) return null
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
