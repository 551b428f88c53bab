import { Writable } from 'node:stream'
import {
  type DocumentFacts,
  deriveFacts,
  MAX_INPUT_LENGTH,
  type MrzIssue,
  type MrzResult,
  oversizedInputResult,
  parseMrz,
} from '../../domain/documents/index.ts'
import { translate } from '../../platform/i18n/catalog.ts'
import { ChunkedOutput } from './mrz-output.ts'

/** Where a JSON line is written: ASCII text as it is, JSON strings, other text (`ChunkedOutput`). */
export interface JsonSink {
  raw(ascii: string): void
  string(s: string | null | undefined): void
  /** Any text, as UTF-8 (a nested value's `JSON.stringify`). */
  utf8(text: string): void
  /** A number as `JSON.stringify` writes it (`null` when it is not finite, or null). */
  number(v: number | null | undefined): void
}

export interface MrzRunOptions {
  allowSpecimen: boolean
  referenceDate: string
}

/** One document's line, its newline included, as the main thread and the workers (`mrz-worker.ts`) both write it. */
export function writeDocument(
  out: ChunkedOutput,
  lines: string[],
  length: number,
  options: MrzRunOptions,
): void {
  const result = length > MAX_INPUT_LENGTH ? oversizedInputResult(length) : parseMrz(lines, options)
  writeJsonLine(out, result, options.referenceDate)
  out.newline()
}

/**
 * The JSON line of one document, written by hand into the output's buffer: building the object for
 * `JSON.stringify`, or a string per line, cost more than parsing the MRZ. The bytes are exactly what
 * `JSON.stringify` gives for the same object (`mrz-stream.test.ts` compares the two on random and hostile input).
 * Fields in a fixed order, then the facts the web app shows on the reference day (an expired document says so
 * here too). Each field is read by its name and each key written with the punctuation around it: a loop over a
 * table of keys (a lookup by computed name on four shapes of fields) cost a fifth of the whole run.
 */
export function writeJsonLine(out: JsonSink, result: MrzResult, referenceDate: string): void {
  const f = result.fields
  out.raw('{"format":')
  out.string(result.format)
  out.raw(
    result.valid ? ',"valid":true,"fields":{"documentCode":' : ',"valid":false,"fields":{"documentCode":',
  )
  out.string(f.documentCode)
  out.raw(',"issuingState":')
  out.string(f.issuingState)
  out.raw(',"documentNumber":')
  out.string(f.documentNumber)
  out.raw(',"nationality":')
  out.string(f.nationality)
  out.raw(',"surname":')
  out.string(f.surname)
  out.raw(',"givenNames":')
  out.string(f.givenNames)
  out.raw(',"birthDate":')
  out.string(f.birthDate)
  out.raw(',"sex":')
  out.string(f.sex)
  out.raw(',"expiryDate":')
  out.string(f.expiryDate)
  // The format-specific fields only where the format has them (`in`, as the object's own keys).
  if ('personalNumber' in f) {
    out.raw(',"personalNumber":')
    out.string(f.personalNumber)
  }
  if ('optionalData' in f) {
    out.raw(',"optionalData":')
    out.string(f.optionalData)
  }
  if ('optionalData2' in f) {
    out.raw(',"optionalData2":')
    out.string(f.optionalData2)
  }
  out.raw(',"issuingStateRaw":')
  out.string(f.issuingStateRaw)
  out.raw(',"nationalityRaw":')
  out.string(f.nationalityRaw)
  out.raw('},"facts":')
  facts(out, deriveFacts(f, { onDate: referenceDate }))
  out.raw(',"checks":')
  object(out, result.checks as Record<string, unknown>)
  out.raw(',"errors":')
  issues(out, result.errors)
  out.raw(',"warnings":')
  issues(out, result.warnings)
  out.raw('}')
}

/** The facts, every key always present and in `deriveFacts`' order (the stream test compares with `JSON.stringify`). */
function facts(out: JsonSink, x: DocumentFacts): void {
  out.raw('{"age":')
  out.number(x.age)
  out.raw(',"ageMin":')
  out.number(x.ageMin)
  out.raw(',"ageMax":')
  out.number(x.ageMax)
  out.raw(',"minor":')
  out.raw(bool(x.minor))
  out.raw(',"underTwelve":')
  out.raw(bool(x.underTwelve))
  out.raw(',"ageNeedsReview":')
  out.raw(bool(x.ageNeedsReview))
  out.raw(',"expired":')
  out.raw(bool(x.expired))
  out.raw(',"daysToExpiry":')
  out.number(x.daysToExpiry)
  out.raw(',"expiresSoon":')
  out.raw(bool(x.expiresSoon))
  out.raw(',"statelessOrRefugee":')
  out.string(x.statelessOrRefugee)
  out.raw(',"protectionRelevant":')
  out.raw(bool(x.protectionRelevant))
  out.raw('}')
}

function bool(v: boolean | null): string {
  return v === true ? 'true' : v === false ? 'false' : 'null'
}

/** The line as a string (tests): written through the same `ChunkedOutput`, then read back as UTF-8. */
export function toJsonLine(result: MrzResult, referenceDate: string): string {
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
  const out = new ChunkedOutput(sink)
  writeJsonLine(out, result, referenceDate)
  void out.flush()
  out.end()
  return Buffer.concat(chunks).toString('utf8')
}

/** English messages of issues without parameters, by code: most documents repeat a handful of them. */
const plainMessages = new Map<string, string>()
/**
 * Messages with parameters, by code and parameter values: a wrong check digit is one of a hundred digit pairs,
 * and formatting it again for every document cost more than the lookup. Bounded, so hostile input that makes
 * every message different only stops filling it.
 */
const formattedMessages = new Map<string, string>()
const FORMATTED_MAX = 4096

function message(code: string, params: MrzIssue['params'] | undefined): string {
  let key = code
  // Each value with its length: no two different sets of values can spell the same key.
  if (params)
    for (const name in params) key += `\u0000${name}\u0001${String(params[name]).length}:${params[name]}`
  const cache = key === code ? plainMessages : formattedMessages
  let text = cache.get(key)
  if (text === undefined) {
    text = translate('en', code, params)
    if (cache.size < FORMATTED_MAX) cache.set(key, text)
  }
  return text
}

/** What the command reports of an issue: its English message beside the code and position. */
export function presentIssue(issue: MrzIssue) {
  const { code, field, line, start, end, params } = issue
  return { code, field, message: message(code, params), line, start, end }
}

function issues(out: JsonSink, list: readonly MrzIssue[]): void {
  if (list.length === 0) {
    out.raw('[]')
    return
  }
  for (let i = 0; i < list.length; i++) {
    const issue = list[i]!
    out.raw(i > 0 ? ',{"code":' : '[{"code":')
    out.string(issue.code)
    out.raw(',"field":')
    out.string(issue.field)
    out.raw(',"message":')
    out.string(message(issue.code, issue.params))
    out.raw(',"line":')
    out.number(issue.line)
    out.raw(',"start":')
    out.number(issue.start)
    out.raw(',"end":')
    out.number(issue.end)
    out.raw('}')
  }
  out.raw(']')
}

/**
 * Each key of the facts and checks objects as JSON text with its colon, made once: the objects repeat a dozen
 * keys on every line, and writing a key through `string` checked it character by character each time. Keys that
 * are not plain printable ASCII (none today) keep going through `string`.
 */
const quotedKeys = new Map<string, string | null>()

function quotedKey(key: string): string | null {
  let quoted = quotedKeys.get(key)
  if (quoted === undefined) {
    const json = JSON.stringify(key)
    quoted = /^[\x20-\x7e]*$/.test(json) ? `${json}:` : null
    quotedKeys.set(key, quoted)
  }
  return quoted
}

/** A flat object of strings, numbers, booleans and nulls, in its own key order (`undefined` left out). */
function object(out: JsonSink, o: Record<string, unknown>): void {
  let first = true
  for (const key in o) {
    const v = o[key]
    if (v === undefined) continue
    out.raw(first ? '{' : ',')
    first = false
    const quoted = quotedKey(key)
    if (quoted === null) {
      out.string(key)
      out.raw(':')
    } else out.raw(quoted)
    if (typeof v === 'string') out.string(v)
    else if (v === null) out.raw('null')
    else if (v === true) out.raw('true')
    else if (v === false) out.raw('false')
    else if (typeof v === 'number') out.number(v)
    else out.utf8(JSON.stringify(v))
  }
  out.raw(first ? '{}' : '}')
}
