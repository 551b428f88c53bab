/**
 * The calendar day at the posts. Two-digit MRZ years, ages, expiry, stays and review dates are judged on
 * Cambodia's date (UTC+7, no daylight saving), whatever the server's time zone: a server on UTC would otherwise
 * still be on yesterday until 07:00 in Phnom Penh.
 */
export function cambodiaDayOf(moment: Date): string {
  return moment.toLocaleDateString('en-CA', { timeZone: 'Asia/Phnom_Penh' })
}

export function todayInCambodia(now = new Date()): string {
  return cambodiaDayOf(now)
}
