import { cleanInput } from './clean.ts'
import { type FormatLayout, LAYOUTS, type MrzSpan } from './formats.ts'
import type { MrzFieldName } from './issues.ts'
import { type ParseOptions, parseMrz } from './parse.ts'
import type { MrzResult } from './result.ts'
import { fieldAt } from './shape.ts'

/** The pairs OCR engines and worn print confuse; which side is right depends on the field's character type. */
const TO_DIGIT: Readonly<Record<string, string>> = { O: '0', I: '1', B: '8', S: '5', Z: '2', G: '6' }
const TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '8': 'B',
  '5': 'S',
  '2': 'Z',
  '6': 'G',
}
const SWAP: Readonly<Record<string, string>> = { ...TO_DIGIT, ...TO_LETTER }
/** Characters a keyboard layout or OCR produces for the filler `<`. */
const FILLER_LOOKALIKES = new Set(['«', '‹', '＜', '〈', '⟨', '≺', ' '])

export type CorrectionReason = 'case' | 'filler' | 'ocr'

export interface CorrectionChange {
  line: number
  index: number
  from: string
  to: string
  field: MrzFieldName
  reason: CorrectionReason
}

/** A proposal for the officer to confirm: the corrected lines, each change, and the parse of the corrected lines. */
export interface MrzCorrection {
  lines: string[]
  changes: CorrectionChange[]
  result: MrzResult
}

type CharType = 'numeric' | 'alpha' | 'alnum'

function charType(layout: FormatLayout, line: number, index: number): CharType {
  const field = fieldAt(layout, line, index)
  if (field === 'birthDate' || field === 'expiryDate' || field === 'composite') return 'numeric'
  const inSpan = (s: MrzSpan | undefined) => s !== undefined && s.line === line && s.start === index
  if (inSpan(layout.documentNumberCheck) || inSpan(layout.personalNumberCheck)) return 'numeric'
  if (field === 'documentCode' || field === 'issuingState' || field === 'nationality' || field === 'name')
    return 'alpha'
  return 'alnum'
}

const MAX_SEARCHED_POSITIONS = 24
const COMPOSITE_ALNUM: readonly MrzFieldName[] = [
  'documentNumber',
  'optionalData',
  'optionalData2',
  'personalNumber',
]

/**
 * Proposes corrections, never applies them: first the changes the character type forces (a letter in a date,
 * a digit in a name, lowercase, a look-alike of `<`), then, if check digits still fail, the fewest OCR swaps
 * in alphanumeric fields that make every check digit pass. Only proposals with fewer errors than the text as
 * typed and all check digits passing are returned, fewest changes first; several means it is ambiguous.
 */
export function suggestCorrections(
  input: string | readonly string[],
  options: ParseOptions,
  limit = 3,
): MrzCorrection[] {
  const cleaned = cleanInput(input)
  const original = parseMrz(input, options)
  const hadErrors = original.errors.length
  if (original.format === null || hadErrors === 0) return []
  const layout = LAYOUTS[original.format]
  const forced: CorrectionChange[] = []
  const lines = cleaned.lines.map((line, n) => {
    let out = ''
    for (let i = 0; i < line.length; i++) {
      const typed = cleaned.typed[n]![i]!
      let ch = line[i]!
      let reason: CorrectionReason | null = typed !== ch ? 'case' : null
      if (FILLER_LOOKALIKES.has(ch)) [ch, reason] = ['<', 'filler']
      const type = charType(layout, n, i)
      const swapped = type === 'numeric' ? TO_DIGIT[ch] : type === 'alpha' ? TO_LETTER[ch] : undefined
      if (swapped) [ch, reason] = [swapped, 'ocr']
      if (reason)
        forced.push({ line: n, index: i, from: typed, to: ch, field: fieldAt(layout, n, i), reason })
      out += ch
    }
    return out
  })
  const accept = (r: MrzResult) =>
    r.format === original.format &&
    r.errors.length < hadErrors &&
    Object.entries(r.checks).every(([k, v]) => k === 'documentNumberOverflow' || v === true)
  const first = parseMrz(lines, options)
  if (accept(first)) return [{ lines, changes: forced, result: first }]
  // Only the alphanumeric fields whose check digit still fails are worth searching.
  const suspects = new Set<MrzFieldName>()
  for (const e of first.errors) {
    if (e.code !== 'documents.mrz.check_digit') continue
    if (e.field === 'composite') for (const f of COMPOSITE_ALNUM) suspects.add(f)
    else suspects.add(e.field)
  }
  const positions: { line: number; index: number }[] = []
  lines.forEach((line, n) => {
    for (let i = 0; i < line.length && positions.length < MAX_SEARCHED_POSITIONS; i++) {
      if (!SWAP[line[i]!] || charType(layout, n, i) !== 'alnum') continue
      if (suspects.has(fieldAt(layout, n, i))) positions.push({ line: n, index: i })
    }
  })
  const found: MrzCorrection[] = []
  const tryChanges = (picked: { line: number; index: number }[]) => {
    const next = lines.slice()
    const changes = forced.slice()
    for (const { line, index } of picked) {
      const from = next[line]![index]!
      const to = SWAP[from]!
      next[line] = next[line]!.slice(0, index) + to + next[line]!.slice(index + 1)
      changes.push({ line, index, from, to, field: fieldAt(layout, line, index), reason: 'ocr' })
    }
    const result = parseMrz(next, options)
    if (accept(result)) found.push({ lines: next, changes, result })
  }
  for (let a = 0; a < positions.length && found.length === 0; a++) tryChanges([positions[a]!])
  for (let a = 0; a < positions.length && found.length === 0; a++) {
    for (let b = a + 1; b < positions.length; b++) tryChanges([positions[a]!, positions[b]!])
  }
  return found.slice(0, limit)
}
