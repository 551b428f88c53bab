import { joinPath, type RuleErrorCode, type RuleIssue } from './issues.ts'
import { hasKhmerScript, placeholders } from './text.ts'
import { refuseUnknownKeys, TEXT_KEYS } from './validate-keys.ts'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const PARTS = ['name', 'description', 'reason'] as const

/** Both languages complete, Khmer written in Khmer script, and the reason's placeholders exactly the params. */
export function validateIndicatorText(indicator: Obj, path: string, out: RuleIssue<RuleErrorCode>[]): void {
  const text = isObj(indicator.text) ? indicator.text : {}
  refuseUnknownKeys(text, ['en', 'km'], joinPath(path, 'text'), out)
  const params = isObj(indicator.reasonParams) ? Object.keys(indicator.reasonParams).sort() : []
  for (const locale of ['en', 'km'] as const) {
    const t = isObj(text[locale]) ? (text[locale] as Obj) : {}
    refuseUnknownKeys(t, TEXT_KEYS, joinPath(path, 'text', locale), out)
    for (const part of PARTS) {
      const at = joinPath(path, 'text', locale, part)
      const value = t[part]
      if (typeof value !== 'string' || value.trim() === '') {
        out.push({ code: 'risk.rule.missing_text', path: at, params: { locale, part } })
        continue
      }
      if (locale === 'km' && !hasKhmerScript(value))
        out.push({ code: 'risk.rule.text_not_khmer', path: at, params: { part } })
      const used = placeholders(value)
      const expected = part === 'reason' ? params : []
      if (used.join(',') !== expected.join(','))
        out.push({
          code: 'risk.rule.placeholder_mismatch',
          path: at,
          params: { expected: expected.join(', '), actual: used.join(', ') },
        })
    }
  }
}
