import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { khmerDigits } from '../../domain/script/digits.ts'

export const LOCALES = ['en', 'km'] as const
export type Locale = (typeof LOCALES)[number]

export type Messages = Record<string, string>

const localesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales')

/** Flattens `{ a: { b: 'x' } }` from `area.json` into `{ 'area.a.b': 'x' }`. */
function flatten(prefix: string, value: unknown, out: Messages): void {
  if (typeof value === 'string') {
    out[prefix] = value
    return
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, out)
  }
}

/** Reads every `src/locales/<locale>/<area>.json`; the file name is the first segment of each key. */
export function loadCatalog(locale: Locale, dir = localesDir): Messages {
  const out: Messages = {}
  const folder = join(dir, locale)
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.json')) continue
    const area = file.slice(0, -'.json'.length)
    flatten(area, JSON.parse(readFileSync(join(folder, file), 'utf8')), out)
  }
  return out
}

let cache: Record<Locale, Messages> | undefined

export function catalogs(): Record<Locale, Messages> {
  cache ??= { en: loadCatalog('en'), km: loadCatalog('km') }
  return cache
}

/** Replaces `{name}` placeholders; a missing parameter leaves the placeholder visible rather than blank. */
export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

/**
 * A message in the reader's language, its number parameters in the reader's digits: a Khmer sentence never says
 * "តិចជាង 10" (the web writes its own messages the same way). Strings — codes, document numbers — stay as given.
 */
export function translate(locale: Locale, key: string, params?: Record<string, unknown>): string {
  const messages = catalogs()[locale]
  const template = messages[key] ?? catalogs().en[key] ?? key
  if (locale !== 'km' || !params) return format(template, params)
  const localised = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? khmerDigits(String(v)) : v]),
  )
  return format(template, localised)
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
