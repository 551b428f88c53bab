import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import * as fmt from './format.ts'

export type Locale = fmt.Locale
type Messages = Record<string, string>

// The same catalogs the server uses: one file per area, the file name is the first segment of each key.
const files = import.meta.glob<Record<string, unknown>>('../../../src/locales/*/*.json', {
  eager: true,
  import: 'default',
})

function flatten(prefix: string, value: unknown, out: Messages) {
  if (typeof value === 'string') out[prefix] = value
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, out)
}

const ISO_DAY = /^\d{4}-\d{2}(-\d{2})?$/

const catalogs: Record<Locale, Messages> = { en: {}, km: {} }
for (const [path, content] of Object.entries(files)) {
  const match = /locales\/(en|km)\/([\w-]+)\.json$/.exec(path)
  if (match) flatten(match[2]!, content, catalogs[match[1] as Locale])
}

/**
 * A number given as a parameter is written in the interface's digits ("ថ្ងៃទី ១", never "ថ្ងៃទី 1"); so is a day the
 * server words into a message (`2026-12-04`, in a reason or a period), day-first like every other date.
 */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogs[locale][key] ?? catalogs.en[key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole
    const value = params[name]
    if (typeof value === 'number') return fmt.formatNumber(value, locale)
    return ISO_DAY.test(String(value)) ? fmt.formatDay(String(value), locale) : String(value)
  })
}

interface I18n {
  locale: Locale
  setLocale(locale: Locale): void
  t(key: string, params?: Record<string, unknown>): string
  formatNumber(n: number): string
  formatDateTime(iso: string): string
  /** A calendar day, `yyyy-mm-dd`. */
  formatDay(day: string): string
  formatTime(iso: string, seconds?: boolean): string
}

const Ctx = createContext<I18n | null>(null)
const STORAGE_KEY = 'passage.locale'

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (stored === 'en' || stored === 'km') return stored
  return navigator.language.toLowerCase().startsWith('km') ? 'km' : 'en'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale)
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l)
    document.documentElement.lang = l
    setLocaleState(l)
  }, [])
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = locale
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      formatNumber: (n) => fmt.formatNumber(n, locale),
      formatDateTime: (iso) => fmt.formatDateTime(iso, locale),
      formatDay: (day) => fmt.formatDay(day, locale),
      formatTime: (iso, seconds) => fmt.formatTime(iso, locale, seconds),
    }
  }, [locale, setLocale])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(Ctx)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}
