import { khmerDigits } from '../script/digits.ts'

/** Khmer letters and signs (U+1780–U+17FF) and Khmer symbols (U+19E0–U+19FF). */
const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/

export function hasKhmerScript(text: string): boolean {
  return KHMER.test(text)
}

/** Placeholder names in a template, sorted: `"{age} to {place}"` → `['age', 'place']`. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort()
}

export type ParamValue = string | number | boolean | null

/**
 * Fills `{name}` placeholders; an unknown value shows as "?" so a reason never reads as if it were complete.
 * Numbers are written in Khmer digits for Khmer text; codes (strings) are left as they are.
 */
export function fill(
  template: string,
  params: Record<string, ParamValue>,
  locale: 'en' | 'km' = 'en',
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole
    const v = params[name]
    if (v === null || v === undefined) return '?'
    return typeof v === 'number' && locale === 'km' ? khmerDigits(String(v)) : String(v)
  })
}
