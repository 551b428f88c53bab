import { format } from 'date-fns'
import { enGB } from 'date-fns/locale/en-GB'
import { km } from 'date-fns/locale/km'
import { khmerDigits, latinDigits } from '../../../src/domain/script/digits.ts'

/**
 * Every date, time and number the web app shows, in one place. Debian's Chromium resolves `km-KH` to `en-US`, so
 * the browser's `Intl` printed "Dec 4, 2026, 8:30 PM" in the Khmer interface; date-fns carries its own Khmer month
 * names and is used instead. Dates are day-first in both languages, as Cambodia writes them, times on the 24-hour
 * clock, and every moment is read on Cambodia's clock (UTC+7 all year) whatever the screen's time zone. In the
 * Khmer interface every digit is a Khmer digit, so a screen never mixes the two.
 */
export type Locale = 'en' | 'km'

const CAMBODIA_OFFSET_MS = 7 * 3600_000
const DATE_LOCALES = { en: enGB, km }

export function toLocaleDigits(text: string, locale: Locale): string {
  return locale === 'km' ? khmerDigits(text) : text
}

/** Khmer digits typed on a Khmer keyboard, read as the digits they are. */
export const toLatinDigits = latinDigits

/** The wall-clock fields of a moment in Cambodia, as a local Date that date-fns can format. */
function cambodiaClock(moment: string | Date): Date | null {
  const ms = typeof moment === 'string' ? Date.parse(moment) : moment.getTime()
  if (Number.isNaN(ms)) return null
  const c = new Date(ms + CAMBODIA_OFFSET_MS)
  return new Date(
    c.getUTCFullYear(),
    c.getUTCMonth(),
    c.getUTCDate(),
    c.getUTCHours(),
    c.getUTCMinutes(),
    c.getUTCSeconds(),
  )
}

function formatted(moment: string | Date, pattern: string, locale: Locale): string {
  const d = cambodiaClock(moment)
  return d ? toLocaleDigits(format(d, pattern, { locale: DATE_LOCALES[locale] }), locale) : ''
}

export const formatDateTime = (m: string | Date, l: Locale) => formatted(m, 'd MMM yyyy, HH:mm', l)
export const formatTime = (m: string | Date, l: Locale, seconds = false) =>
  formatted(m, seconds ? 'HH:mm:ss' : 'HH:mm', l)

/**
 * A calendar day (`2026-12-04`, no time zone): 4 Dec 2026 / ៤ ធ្នូ ២០២៦. A partial day, as a returnee or a list
 * entry may only know it (`1990-05`, `1990`), keeps what is known: May 1990 / ឧសភា ១៩៩០.
 */
export function formatDay(day: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(day)
  if (!m) return toLocaleDigits(day, locale)
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1))
  const pattern = m[3] ? 'd MMM yyyy' : 'MMM yyyy'
  return toLocaleDigits(format(d, pattern, { locale: DATE_LOCALES[locale] }), locale)
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** 12,345.5 in English; ១២.៣៤៥,៥ in Khmer (CLDR's separators for km: "." groups, "," marks the decimal). */
export function formatNumber(n: number, locale: Locale): string {
  const en = grouped.format(n)
  if (locale === 'en') return en
  return toLocaleDigits(
    en.replace(/[.,]/g, (c) => (c === ',' ? '.' : ',')),
    locale,
  )
}

/**
 * A day typed day-first — 4/12/2026, 04-12-2026, 4.12.2026, in either script's digits — or as ISO 2026-12-04,
 * as `yyyy-mm-dd`; null when it is not a real calendar day.
 */
export function parseDay(text: string): string | null {
  const s = toLatinDigits(text.trim())
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  const dmy = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(s)
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : []
  if (!y || !mo || !d) return null
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  const out = date.toISOString().slice(0, 10)
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1 ? out : null
}

/** `2026-12-04` as the day-first text a date box shows: 04/12/2026. */
export function dayToText(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day
}
