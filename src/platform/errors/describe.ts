import { catalogs, type Locale, translate } from '../i18n/catalog.ts'
import type { AppError } from './codes.ts'

/** A detail code is either an API one (`password.too_short` → `errors.password.too_short`) or a domain message key. */
function detailMessage(locale: Locale, code: string, params?: Record<string, unknown>): string {
  const key = `errors.${code}` in catalogs()[locale] ? `errors.${code}` : code
  return translate(locale, key, namedParams(locale, params))
}

/**
 * A screening question is named by its wording in the reader's language, never by its id (`appearsUnder18`):
 * the id stays in `params` for programs, the message carries the words.
 */
function namedParams(locale: Locale, params?: Record<string, unknown>): Record<string, unknown> | undefined {
  const question = params?.question
  if (typeof question !== 'string') return params
  const wording = `protection.screening.questions.${question}`
  return wording in catalogs()[locale] ? { ...params, question: translate(locale, wording) } : params
}

/** The words for an error, in one language: the same for the API's responses and the command line. */
export function describeError(error: AppError, locale: Locale) {
  return {
    code: error.code,
    message: translate(locale, `errors.${error.code}`, error.params),
    details: error.details.map((d) => ({ ...d, message: detailMessage(locale, d.code, d.params) })),
  }
}
