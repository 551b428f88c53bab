import { issue, type MrzIssue } from './issues.ts'

/**
 * Far more than any MRZ with the noise a reader or a paste adds around it; anything longer is refused before
 * it is scanned, so a 10 MB paste costs nothing.
 */
export const MAX_INPUT_LENGTH = 4096

/** More invalid characters than this are not worth listing one by one. */
const MAX_CHARACTER_ISSUES = 12

export interface CleanedInput {
  lines: string[]
  /** The same lines before lowercase letters were upper-cased, to say which characters a correction changes. */
  typed: string[]
  errors: MrzIssue[]
}

/** Whitespace, C0/C1 controls, no-break and zero-width spaces, byte-order mark: what readers add around lines. */
function isStray(c: number): boolean {
  return c <= 32 || (c >= 127 && c <= 160) || c === 0xfeff || (c >= 0x2000 && c <= 0x200f) || c === 0x3000
}

/** A line with nothing but whitespace or control characters: what separates documents in a stream. */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isStray(line.charCodeAt(i))) return false
  return true
}

function isMrzChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 60
}

/** Single-line input of exactly two or three lines' worth: a reader that sent no line breaks. */
function splitJoined(line: string): string[] | null {
  const widths: Record<number, number> = { 90: 30, 72: 36, 88: 44 }
  const width = widths[line.length]
  if (!width) return null
  const out: string[] = []
  for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width))
  return out
}

/** The common case, lines from a reader that sent nothing but MRZ characters: nothing to clean or report. */
function isClean(lines: readonly string[]): boolean {
  if (lines.length < 2 || lines.length > 3) return false
  for (const line of lines) {
    if (line.length === 0 || line.length > 44) return false
    for (let i = 0; i < line.length; i++) if (!isMrzChar(line.charCodeAt(i))) return false
  }
  return true
}

function joinedLength(lines: readonly string[]): number {
  let length = lines.length - 1
  for (const line of lines) length += line.length
  return length
}

const LINE_BREAK = /\r\n|\r|\n/

/** Lines as given; an array is split again only if one of its items holds a line break. */
function rawLines(input: string | readonly string[]): readonly string[] {
  if (typeof input === 'string') return input.split(LINE_BREAK)
  for (const line of input)
    if (line.includes('\n') || line.includes('\r')) return input.join('\n').split(LINE_BREAK)
  return input
}

/**
 * Turns text as a reader types it (CR/LF, stray characters around lines, caps lock) into MRZ lines, with an
 * error for everything that had to be noticed. Lowercase letters are upper-cased so that the fields can still
 * be shown, but the result stays invalid until the officer confirms the corrected lines.
 */
export function cleanInput(input: string | readonly string[]): CleanedInput {
  if (typeof input !== 'string' && isClean(input)) {
    const lines = input.slice()
    return { lines, typed: lines, errors: [] }
  }
  const errors: MrzIssue[] = []
  const length = typeof input === 'string' ? input.length : joinedLength(input)
  if (length > MAX_INPUT_LENGTH) {
    errors.push(issue('documents.mrz.input_too_long', 'input', null, { max: MAX_INPUT_LENGTH, length }))
    return { lines: [], typed: [], errors }
  }
  let lines: string[] = []
  for (const raw of rawLines(input)) {
    let start = 0
    let end = raw.length
    while (start < end && isStray(raw.charCodeAt(start))) start++
    while (end > start && isStray(raw.charCodeAt(end - 1))) end--
    if (end > start) lines.push(start === 0 && end === raw.length ? raw : raw.slice(start, end))
  }
  if (lines.length === 0) {
    errors.push(issue('documents.mrz.empty', 'input', null))
    return { lines, typed: lines, errors }
  }
  if (lines.length === 1) lines = splitJoined(lines[0]!) ?? lines
  let typed = lines
  let characterIssues = 0
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!
    let firstLower = -1
    let lastLower = -1
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i)
      if (isMrzChar(c)) continue
      if (c >= 97 && c <= 122) {
        if (firstLower < 0) firstLower = i
        lastLower = i
      } else {
        // A character outside the Basic Multilingual Plane takes two code units; report it once, whole.
        const width = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length ? 2 : 1
        if (characterIssues++ < MAX_CHARACTER_ISSUES) {
          const span = { line: n, start: i, end: i + width }
          errors.push(issue('documents.mrz.invalid_character', 'input', span, { char: printable(line, i) }))
        }
        i += width - 1
      }
    }
    if (firstLower >= 0) {
      if (typed === lines) typed = lines.slice()
      lines[n] = line.replace(/[a-z]+/g, (run) => run.toUpperCase())
      errors.push(
        issue('documents.mrz.lowercase', 'input', { line: n, start: firstLower, end: lastLower + 1 }),
      )
    }
  }
  return { lines, typed, errors }
}

/** A printable form of a character for the message: itself, or its code point when invisible. */
function printable(line: string, index: number): string {
  const c = line.codePointAt(index)!
  const visible = c > 32 && c !== 127 && !(c >= 128 && c <= 160) && !(c >= 0xd800 && c <= 0xdfff)
  return visible ? String.fromCodePoint(c) : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
}
