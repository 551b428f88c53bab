import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { charValue } from './check-digit.ts'
import { LAYOUTS, type MrzSpan } from './formats.ts'
import { generateMrz } from './generate.ts'
import { MRZ_ISSUE_CODES } from './issues.ts'
import type { MrzResult } from './result.ts'
import { anyDocument } from './test-arbitraries.ts'
import { parse } from './test-factories.ts'

const KNOWN_CODES = new Set<string>(MRZ_ISSUE_CODES)

/** What every result must satisfy, whatever the input (checked in plain code, asserted once: it runs often). */
function expectWellFormed(result: MrzResult): void {
  const problems: string[] = []
  if (result.valid !== (result.errors.length === 0)) problems.push('valid disagrees with errors')
  for (const problem of [...result.errors, ...result.warnings]) {
    if (!KNOWN_CODES.has(problem.code)) problems.push(`unknown code ${problem.code}`)
    if (problem.line === null) continue
    const line = result.lines[problem.line]
    if (
      line === undefined ||
      problem.start! < 0 ||
      problem.end! > line.length ||
      problem.start! > problem.end!
    ) {
      problems.push(`position outside the lines: ${JSON.stringify(problem)}`)
    }
  }
  expect(problems).toEqual([])
}

function isStripped(ch: string): boolean {
  const c = ch.codePointAt(0)!
  return c <= 32 || (c >= 127 && c <= 160) || c === 0xfeff || (c >= 0x2000 && c <= 0x200f) || c === 0x3000
}

const MRZ_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'
const mrzChar = fc.constantFrom(...MRZ_CHARS)
/** Any UTF-16 unit or code point, lone surrogates included, weighted towards what MRZ text is made of. */
const anyChar = fc.oneof(
  { arbitrary: mrzChar, weight: 4 },
  { arbitrary: fc.constantFrom('\n', '\r', ' ', '\t', 'a', 'é', '«'), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 2 },
  { arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)), weight: 1 },
)
const anyText = fc.array(anyChar, { maxLength: 120 }).map((cs) => cs.join(''))

describe('fuzzing the parser', () => {
  it('never throws on random text, and random text is never a valid MRZ', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parse(text)
        expectWellFormed(result)
        expect(result.valid).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })

  it('never throws on random lines of MRZ characters in the right shape', () => {
    const shaped = fc.constantFrom([3, 30], [2, 36], [2, 44]).chain(([count, length]) =>
      fc.array(fc.string({ unit: mrzChar, minLength: length, maxLength: length }), {
        minLength: count,
        maxLength: count,
      }),
    )
    fc.assert(
      fc.property(shaped, (lines) => expectWellFormed(parse(lines))),
      { numRuns: 500 },
    )
  })

  it('never throws on insertions, deletions and line swaps in valid MRZs, and rejects each one', () => {
    const mutation = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'swap'),
      line: fc.nat(),
      index: fc.nat(),
      // Not the whitespace and control characters that cleaning strips at the ends of lines on purpose.
      ch: anyChar.filter((c) => !isStripped(c)),
    })
    fc.assert(
      fc.property(anyDocument, mutation, (doc, m) => {
        const lines = generateMrz(doc).lines
        const n = m.line % lines.length
        const line = lines[n]!
        const i = m.index % line.length
        if (m.kind === 'insert') lines[n] = line.slice(0, i) + m.ch + line.slice(i)
        else if (m.kind === 'delete') lines[n] = line.slice(0, i) + line.slice(i + 1)
        else lines.reverse()
        const result = parse(lines)
        expectWellFormed(result)
        // A swap of two lines of equal length can only stay valid if they were identical.
        if (m.kind !== 'swap' || lines[0] !== lines[1]) expect(result.valid).toBe(false)
      }),
      { numRuns: 700 },
    )
  })

  it('rejects any substitution inside a check-digit-protected field that the 7-3-1 scheme can see', () => {
    fc.assert(
      fc.property(anyDocument, fc.nat(), fc.nat(), mrzChar, (doc, pick, offset, ch) => {
        const lines = generateMrz(doc).lines
        const layout = LAYOUTS[doc.format]
        const protectedSpans: MrzSpan[] = [layout.birthDate, layout.expiryDate, layout.birthDateCheck]
        const span = protectedSpans[pick % protectedSpans.length]!
        const i = span.start + (offset % (span.end - span.start))
        const before = lines[span.line]!
        const old = before[i]!
        lines[span.line] = before.slice(0, i) + ch + before.slice(i + 1)
        const result = parse(lines)
        expectWellFormed(result)
        // A change by a multiple of 10 (0 ↔ A, < ↔ A) keeps every 7-3-1 sum: the scheme's known blind spot.
        const delta = charValue(ch.charCodeAt(0)) - charValue(old.charCodeAt(0))
        if (delta % 10 !== 0) expect(result.valid).toBe(false)
      }),
      { numRuns: 700 },
    )
  })
})
