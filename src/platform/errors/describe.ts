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

const WHERE = new Set(['body', 'query', 'params', 'header'])

/**
 * The name of the field a detail is about, in the reader's language, so a screen can say "Reason: …" and find the
 * box: an MRZ error names its field in `params.field` (`issuingState`), a request error in its path
 * (`body.referral.note` → "Reason"; `body.answers.appearsUnder18` or `params.question` → the question's wording).
 * Undefined when the detail is about no one field (a line of the MRZ, the whole request).
 */
export function fieldLabel(
  locale: Locale,
  d: { path?: string; params?: Record<string, unknown> },
): string | undefined {
  const has = (key: string) => key in catalogs()[locale] || key in catalogs().en
  const field = d.params?.field
  // `input` is the whole MRZ (a line too short, too many lines): no one field to name.
  if (typeof field === 'string' && field !== 'input' && has(`documents.field.${field}`))
    return translate(locale, `documents.field.${field}`)
  const asked = d.params?.question
  if (typeof asked === 'string' && has(`protection.screening.questions.${asked}`))
    return translate(locale, `protection.screening.questions.${asked}`)
  const segments = (d.path ?? '').split('.').filter((s) => s !== '' && !/^\d+$/.test(s))
  if (WHERE.has(segments[0] ?? '')) segments.shift()
  const answers = segments.indexOf('answers')
  const question = answers >= 0 ? segments[answers + 1] : undefined
  if (question && has(`protection.screening.questions.${question}`))
    return translate(locale, `protection.screening.questions.${question}`)
  for (const s of segments.reverse()) if (has(`fields.${s}`)) return translate(locale, `fields.${s}`)
  return undefined
}

/**
 * A refusal that says why (`{ reason: 'already_arrived' }`) is worded by its reason where the catalogue has it
 * (`errors.reasons.already_arrived`): "This arrival has already been recorded" helps the officer where "This change
 * conflicts with the current state of the record" does not. The code stays the same for programs.
 */
function messageKey(locale: Locale, error: AppError): string {
  const reason = error.params.reason
  const key = `errors.reasons.${String(reason)}`
  return typeof reason === 'string' && key in catalogs()[locale] ? key : `errors.${error.code}`
}

/** The words for an error, in one language: the same for the API's responses and the command line. */
export function describeError(error: AppError, locale: Locale) {
  return {
    code: error.code,
    message: translate(locale, messageKey(locale, error), error.params),
    details: error.details.map((d) => {
      const field = fieldLabel(locale, d)
      return { ...d, message: detailMessage(locale, d.code, d.params), ...(field ? { field } : {}) }
    }),
  }
}
