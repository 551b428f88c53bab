import { deriveFacts, type MrzIssue, type MrzResult } from '../../domain/documents/index.ts'
import { translate } from '../../platform/i18n/catalog.ts'

/**
 * The JSON line of one document, written by hand: building the object for `JSON.stringify` and stringifying
 * it cost more than parsing the MRZ (a third of a 500,000-document run). The text is exactly what
 * `JSON.stringify` gives for the same object (`mrz-json.test.ts` compares the two on random and hostile
 * input); any string that needs escaping goes through `JSON.stringify` itself.
 */
export function toJsonLine(result: MrzResult, referenceDate: string): string {
  return jsonLine(result, referenceDate).text
}

/** Whether the last `str` calls met only ASCII: such a line is encoded as Latin-1, five times faster than UTF-8. */
let ascii = true

/** The JSON line of a document, and whether it is all ASCII (its UTF-8 and Latin-1 bytes are then the same). */
export function jsonLine(result: MrzResult, referenceDate: string): { text: string; ascii: boolean } {
  ascii = true
  const text = build(result, referenceDate)
  return { text, ascii }
}

/** Fields in a fixed order, the facts the web app shows on the reference day (an expired document says so here too). */
function build(result: MrzResult, referenceDate: string): string {
  const f = result.fields
  let fields =
    `{"documentCode":${str(f.documentCode)},"issuingState":${str(f.issuingState)}` +
    `,"documentNumber":${str(f.documentNumber)},"nationality":${str(f.nationality)}` +
    `,"surname":${str(f.surname)},"givenNames":${str(f.givenNames)},"birthDate":${str(f.birthDate)}` +
    `,"sex":${str(f.sex)},"expiryDate":${str(f.expiryDate)}`
  if ('personalNumber' in f) fields += `,"personalNumber":${str(f.personalNumber)}`
  if ('optionalData' in f) fields += `,"optionalData":${str(f.optionalData)}`
  if ('optionalData2' in f) fields += `,"optionalData2":${str(f.optionalData2)}`
  fields += `,"issuingStateRaw":${str(f.issuingStateRaw)},"nationalityRaw":${str(f.nationalityRaw)}}`
  return (
    `{"format":${str(result.format)},"valid":${result.valid},"fields":${fields}` +
    `,"facts":${object(deriveFacts(result.fields, { onDate: referenceDate }) as unknown as Record<string, unknown>)}` +
    `,"checks":${object(result.checks as Record<string, unknown>)}` +
    `,"errors":${issues(result.errors)},"warnings":${issues(result.warnings)}}`
  )
}

/** What the command reports of an issue: its English message beside the code and position. */
export function presentIssue(issue: MrzIssue) {
  const { code, field, line, start, end, params } = issue
  return { code, field, message: translate('en', code, params), line, start, end }
}

function issues(list: readonly MrzIssue[]): string {
  if (list.length === 0) return '[]'
  let out = '['
  for (let i = 0; i < list.length; i++) {
    const p = presentIssue(list[i]!)
    out +=
      `${i > 0 ? ',' : ''}{"code":${str(p.code)},"field":${str(p.field)},"message":${str(p.message)}` +
      `,"line":${num(p.line)},"start":${num(p.start)},"end":${num(p.end)}}`
  }
  return `${out}]`
}

/** A flat object of strings, numbers, booleans and nulls, in its own key order (`undefined` left out). */
function object(o: Record<string, unknown>): string {
  let out = '{'
  for (const key in o) {
    const v = o[key]
    if (v === undefined) continue
    out += `${out.length > 1 ? ',' : ''}${str(key)}:${value(v)}`
  }
  return `${out}}`
}

function value(v: unknown): string {
  if (v === null || typeof v === 'boolean') return String(v)
  if (typeof v === 'number') return num(v)
  if (typeof v === 'string') return str(v)
  return JSON.stringify(v)
}

function num(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'null' : String(v)
}

/** A JSON string; the characters JSON escapes (quote, backslash, controls, surrogates) go to JSON.stringify. */
function str(s: string | null | undefined): string {
  if (s === null || s === undefined) return 'null'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return escaped(s)
    if (c > 126) ascii = false
  }
  return `"${s}"`
}

function escaped(s: string): string {
  const out = JSON.stringify(s)
  for (let i = 0; i < out.length; i++) if (out.charCodeAt(i) > 126) ascii = false
  return out
}
