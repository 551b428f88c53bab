/**
 * A moment as the clock at the post reads it. The board counts Cambodia's day by the hour, so its times (and the
 * shift's start beside them) are shown in Cambodia's time even on a screen set to another zone.
 */
export function cambodiaTime(iso: string, locale: string, withDate = false): string {
  return new Date(iso).toLocaleString(locale === 'km' ? 'km-KH' : 'en-GB', {
    timeZone: 'Asia/Phnom_Penh',
    ...(withDate ? { dateStyle: 'medium', timeStyle: 'short' } : { timeStyle: 'medium' }),
  })
}
