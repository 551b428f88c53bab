import { z } from 'zod'

/**
 * Why a character may not arrive in text: C0 controls (NUL makes PostgreSQL refuse the whole statement, the
 * others hide text from a reader or break a log line), DEL, the C1 block, the two noncharacters U+FFFE/U+FFFF
 * and a surrogate without its pair (not valid UTF-8, so not storable). Tab, line feed and carriage return are
 * allowed only where text may span lines.
 */
function isRefused(code: number, multiline: boolean): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return !multiline
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff
}

/** The position of the first refused character, or -1 when the text is clean. */
export function firstRefusedCharacter(value: string, multiline = false): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else return i
    } else if ((code >= 0xdc00 && code <= 0xdfff) || isRefused(code, multiline)) return i
  }
  return -1
}

// The detail code the error mapping turns into `validation.control_character` (see error-handler.ts). Not
// aborting, so a union whose other branches fail on type still reports this field rather than the union.
const refusal = { params: { code: 'control_character' } } as const

/**
 * The one string schema every text field, query parameter and path parameter of the API uses: a single
 * line without control characters. Chain it like `z.string()` (`text().trim().min(1).max(200)`).
 */
export function text() {
  return z.string().refine((v) => firstRefusedCharacter(v) < 0, refusal)
}

/** Free text that may span lines (notes, descriptions): tab, line feed and carriage return are allowed. */
export function multilineText() {
  return z.string().refine((v) => firstRefusedCharacter(v, true) < 0, refusal)
}

/**
 * Raw text as a document reader types it (an MRZ with the device's STX/ETX framing, stray bells): control
 * characters are the MRZ parser's to report, by line and column, so the officer sees where the scan went
 * wrong. It is never stored: only the parsed fields, which the MRZ alphabet restricts. Marked in the API
 * document so the boundary test knows this field is exempt on purpose.
 */
export function scannerText() {
  return z.string().meta({ 'x-scanner-input': true })
}
