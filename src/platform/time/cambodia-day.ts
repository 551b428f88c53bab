/**
 * The calendar day at the posts. Two-digit MRZ years, ages, expiry, stays and review dates are judged on
 * Cambodia's date (UTC+7, no daylight saving), whatever the server's time zone: a server on UTC would otherwise
 * still be on yesterday until 07:00 in Phnom Penh.
 *
 * One formatter for the process: `toLocaleDateString` with a time zone builds a new one on every call, which
 * showed in the inspection profile (several calls per request). `en-CA` formats as YYYY-MM-DD.
 */
const PHNOM_PENH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Phnom_Penh' })

export function cambodiaDayOf(moment: Date): string {
  // As `toLocaleDateString` answers for an invalid date, where `format` would throw.
  return Number.isNaN(moment.getTime()) ? 'Invalid Date' : PHNOM_PENH.format(moment)
}

export function todayInCambodia(now = new Date()): string {
  return cambodiaDayOf(now)
}
