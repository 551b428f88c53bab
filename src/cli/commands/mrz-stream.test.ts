import { PassThrough, Readable, Writable } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateMrz } from '../../domain/documents/generate.ts'
import { deriveFacts, type MrzIssue, type MrzResult, parseMrz } from '../../domain/documents/index.ts'
import { documentFor } from '../../domain/documents/test-factories.ts'
import { translate } from '../../platform/i18n/catalog.ts'
import { endlessInput } from './mrz.testing.ts'
import { mrzCommand } from './mrz.ts'
import { DocumentSplitter } from './mrz-input.ts'
import { presentIssue, toJsonLine } from './mrz-json.ts'

const options = { referenceDate: '2026-05-20' }
const cambodian = generateMrz(documentFor('TD3')).lines.join('\n')

/** The JSON line as the command wrote it before it wrote them by hand: an object through JSON.stringify. */
function reference(result: MrzResult): string {
  const present = ({ code, field, line, start, end, params }: MrzIssue) => ({
    code,
    field,
    message: translate('en', code, params),
    line,
    start,
    end,
  })
  const f = result.fields
  return JSON.stringify({
    format: result.format,
    valid: result.valid,
    fields: {
      documentCode: f.documentCode,
      issuingState: f.issuingState,
      documentNumber: f.documentNumber,
      nationality: f.nationality,
      surname: f.surname,
      givenNames: f.givenNames,
      birthDate: f.birthDate,
      sex: f.sex,
      expiryDate: f.expiryDate,
      ...('personalNumber' in f ? { personalNumber: f.personalNumber } : {}),
      ...('optionalData' in f ? { optionalData: f.optionalData } : {}),
      ...('optionalData2' in f ? { optionalData2: f.optionalData2 } : {}),
      issuingStateRaw: f.issuingStateRaw,
      nationalityRaw: f.nationalityRaw,
    },
    facts: deriveFacts(f, { onDate: options.referenceDate }),
    checks: result.checks,
    errors: result.errors.map(present),
    warnings: result.warnings.map(present),
  })
}

/** Splits `chunks` (bytes or text) into documents as the command does. */
function split(chunks: (Buffer | string)[]): { lines: string[]; length: number }[] {
  const out: { lines: string[]; length: number }[] = []
  const splitter = new DocumentSplitter((lines, length) => out.push({ lines, length }))
  for (const c of chunks) splitter.push(c)
  splitter.end()
  return out
}

async function run(chunks: Iterable<Buffer | string>) {
  const parts: Buffer[] = []
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      parts.push(Buffer.from(chunk))
      done()
    },
  })
  const status = await mrzCommand.run(['--date', '2026-05-20'], {
    stdin: Readable.from(chunks),
    stdout,
    stderr: new PassThrough(),
  })
  const text = Buffer.concat(parts).toString('utf8')
  return {
    status,
    text,
    docs: text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
  }
}

const mrzish = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'),
    fc.constantFrom('\u0000', '\u001f', '"', '\\', 'é', 'ក', '\ud800', '\u2028', ' ', 'a'),
  ),
  maxLength: 50,
})

describe('passage mrz output', () => {
  it('gives every issue the message of its own parameters, however many documents repeat or imitate them', () => {
    const issue = (params: Record<string, string | number>): MrzIssue => ({
      code: 'documents.mrz.check_digit',
      field: 'composite',
      line: 1,
      start: 2,
      end: 3,
      params,
    })
    // Parameter values that would spell the same cache key if values were only separated, not counted.
    const sets = [
      { found: '1\u0000expected\u00012', expected: '3' },
      { found: '1', expected: '2\u0000expected\u00013' },
      { found: 4, expected: 5 },
      { found: '4', expected: '5' },
    ]
    for (let round = 0; round < 3; round++)
      for (const params of sets)
        expect(presentIssue(issue(params)).message).toBe(translate('en', 'documents.mrz.check_digit', params))
    expect(presentIssue(issue(sets[0]!)).message).not.toBe(presentIssue(issue(sets[1]!)).message)
  })

  it('writes byte for byte what JSON.stringify gives, for valid, damaged and hostile documents', () => {
    fc.assert(
      fc.property(fc.array(mrzish, { minLength: 1, maxLength: 3 }), (lines) => {
        const result = parseMrz(lines, options)
        expect(toJsonLine(result, options.referenceDate)).toBe(reference(result))
      }),
      { numRuns: 400, seed: 13 },
    )
    for (const format of ['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB'] as const) {
      const result = parseMrz(generateMrz(documentFor(format)).lines, options)
      expect(toJsonLine(result, options.referenceDate)).toBe(reference(result))
    }
  })

  it('writes non-ASCII text as UTF-8 beside ASCII lines', async () => {
    const { docs } = await run([`P<UTOÉRIKSSON<<ANNA\nL898\n\n${cambodian}\n`])
    expect(docs[0].errors[0].message).toContain('É')
    expect(docs[1].valid).toBe(true)
  })

  it('writes whole lines across its 256 KiB buffers, the accented and escaped ones among them', async () => {
    // About 1.5 MB of output: lines fall across buffer boundaries at every offset the mix of lengths gives.
    const documents = [cambodian, 'P<UTOÉRIKSSON<<ANNA\nL898', 'P<"\\<ក\nX', cambodian.split('\n')[0]!]
    const input = Array.from({ length: 2000 }, (_, i) => documents[i % documents.length]).join('\n\n')
    const { text } = await run([input])
    const lines = text.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(2000)
    lines.forEach((line, i) => {
      const doc = documents[i % documents.length]!
      expect(line).toBe(reference(parseMrz(doc.split('\n'), options)))
    })
  })
})

describe('passage mrz numbers', () => {
  it('writes every number as JSON.stringify does: negatives, zero, past a billion, fractions, not finite', () => {
    const values = [
      0,
      -0,
      7,
      -17215,
      999_999_999,
      -999_999_999,
      1e9,
      -1e9,
      2 ** 31,
      0.5,
      -1.25,
      1e21,
      NaN,
      Infinity,
    ]
    const line = (v: number | null | undefined) =>
      toJsonLine(
        {
          ...parseMrz(['X'], options),
          errors: [
            {
              code: 'documents.mrz.line_count',
              field: null,
              line: v,
              start: v,
              end: v,
            } as unknown as MrzIssue,
          ],
        },
        options.referenceDate,
      )
    for (const v of [...values, null, undefined]) {
      const written = JSON.parse(line(v)).errors[0]
      expect(line(v)).toContain(`"line":${JSON.stringify(v) ?? 'null'},"start":`)
      expect(written.line).toBe(v === undefined || !Number.isFinite(v) ? null : v === 0 ? 0 : v)
    }
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), (v) => {
        expect(line(v)).toContain(`"line":${JSON.stringify(v)},"start":`)
      }),
      { numRuns: 300, seed: 21 },
    )
  })
})

describe('passage mrz input', () => {
  it('cuts the same documents whatever the chunking, a UTF-8 sequence or a CRLF split between chunks included', () => {
    const text = `${cambodian}\r\n\r\nÉCOLE<ក\r\n\r\n${cambodian}\n\n\n`
    const bytes = Buffer.from(text)
    const whole = split([bytes])
    expect(whole.map((d) => d.lines.length)).toEqual([2, 1, 2])
    expect(whole[1]!.lines).toEqual(['ÉCOLE<ក'])
    const oneByOne = split([...bytes].map((b) => Buffer.from([b])))
    expect(oneByOne).toEqual(whole)
  })

  it('ends a line at a lone CR, as readline does', () => {
    expect(split(['AB\rCD\r\rEF']).map((d) => d.lines)).toEqual([['AB', 'CD'], ['EF']])
  })

  it('reads invalid UTF-8 as replacement characters and reports them', async () => {
    const { docs } = await run([Buffer.from([0xff, 0xfe, 0x41, 0x0a, 0x0a]), `${cambodian}\n`])
    expect(docs).toHaveLength(2)
    expect(docs[0].errors[0]).toMatchObject({ code: 'documents.mrz.invalid_character', start: 0 })
    expect(docs[0].errors[0].message).toContain('\ufffd')
    expect(docs[1].valid).toBe(true)
  })

  it('counts a line of 20 MB without keeping it, reports it, and reads the next document', () => {
    const piece = 'X'.repeat(64 * 1024)
    const seen: { lines: string[]; length: number }[] = []
    const splitter = new DocumentSplitter((lines, length) => seen.push({ lines, length }))
    for (let i = 0; i < 320; i++) {
      splitter.push(piece)
      // Nothing of the line is held once it is past the limit.
      expect((splitter as unknown as { partial: string }).partial.length).toBeLessThanOrEqual(4096)
    }
    splitter.push(`\n\n${cambodian}\n`)
    splitter.end()
    expect(seen[0]).toEqual({ lines: [], length: 320 * piece.length })
    expect(seen[1]!.lines).toEqual(cambodian.split('\n'))
  })

  it('takes a huge line of whitespace for the blank line it is', () => {
    expect(split([`${cambodian}\n${' '.repeat(10_000)}\n${cambodian}`]).map((d) => d.lines.length)).toEqual([
      2, 2,
    ])
  })

  it('writes nothing for empty input', async () => {
    expect((await run([])).text).toBe('')
    expect((await run([Buffer.alloc(0)])).text).toBe('')
  })

  it('stops quietly when the consumer goes away', async () => {
    const { stream: endless, reads } = endlessInput(cambodian)
    const gone = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
      },
    })
    const status = await mrzCommand.run(['--date', '2026-05-20'], {
      stdin: endless,
      stdout: gone,
      stderr: new PassThrough(),
    })
    expect(status).toBe(0)
    expect(reads()).toBeLessThan(1000)
  })
})
