import { formatDateTime, formatTime, type Locale } from '../i18n/format.ts'

/**
 * A moment as the clock at the post reads it. The board counts Cambodia's day by the hour, so its times (and the
 * shift's start beside them) are shown in Cambodia's time even on a screen set to another zone.
 */
export function cambodiaTime(iso: string, locale: string, withDate = false): string {
  const l: Locale = locale === 'km' ? 'km' : 'en'
  return withDate ? formatDateTime(iso, l) : formatTime(iso, l, true)
}
