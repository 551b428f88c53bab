/**
 * The calendar day at the posts: two-digit MRZ years, ages and expiry are judged on Cambodia's date, whatever
 * the server's time zone (a server in UTC would otherwise still be on yesterday until 07:00 in Phnom Penh).
 */
export function todayInCambodia(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Asia/Phnom_Penh' })
}
