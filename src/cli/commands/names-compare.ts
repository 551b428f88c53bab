import { createInterface } from 'node:readline'
import { compareNames } from '../../domain/screening/index.ts'
import { type CliIO, type Command, UsageError, writeLine } from '../command.ts'

const USAGE = `Usage: passage names compare [--explain] < pairs.jsonl

Reads one JSON object per line on stdin:
  {"a": "Chhay Sokha", "b": "ឆៃ សុខា", "aBirthDate": "1990-04", "bBirthDate": "1990-04-12"}
(the birth dates are optional: YYYY, YYYY-MM or YYYY-MM-DD) and writes one line per input line, in order:
  {"score": 0.97, "decision": "match"}        decision: match | possible | no-match
A line that cannot be read gets {"error": {"code": "...", "message": "..."}} and the rest go on.
  --explain   add the explanation (parts matched, how, qualifiers) to each result`

type Result =
  | { score: number; decision: string; explanation?: unknown }
  | { error: { code: 'invalid-json' | 'invalid-pair'; message: string } }

const invalid = (message: string): Result => ({ error: { code: 'invalid-pair', message } })

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || value === null || typeof value === 'string'
}

/** One input line to one output object; never throws. */
export function compareLine(line: string, explain = false): Result {
  let input: unknown
  try {
    input = JSON.parse(line)
  } catch {
    return { error: { code: 'invalid-json', message: 'the line is not valid JSON' } }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return invalid('expected an object {"a": "…", "b": "…"}')
  }
  const { a, b, aBirthDate, bBirthDate } = input as Record<string, unknown>
  if (typeof a !== 'string' || typeof b !== 'string') return invalid('"a" and "b" must both be strings')
  if (!optionalString(aBirthDate) || !optionalString(bBirthDate)) {
    return invalid('"aBirthDate" and "bBirthDate" must be strings (YYYY, YYYY-MM or YYYY-MM-DD)')
  }
  const result = compareNames(
    { name: a, birthDate: aBirthDate ?? undefined },
    { name: b, birthDate: bBirthDate ?? undefined },
  )
  const score = Math.round(result.score * 10000) / 10000
  return explain
    ? { score, decision: result.decision, explanation: result.explanation }
    : { score, decision: result.decision }
}

export const namesCompareCommand: Command = {
  name: 'names',
  summary: 'Compare names (any script, Khmer included): `names compare` reads JSON Lines pairs on stdin',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = argv
    if (sub !== 'compare')
      throw new UsageError(sub ? `unknown sub-command "${sub}"` : 'missing sub-command "compare"')
    let explain = false
    for (const arg of rest) {
      if (arg === '--explain') explain = true
      else throw new UsageError(`unknown option "${arg}"`)
    }
    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })
    for await (const line of lines) {
      if (line.trim() === '') continue
      await writeLine(io.stdout, JSON.stringify(compareLine(line, explain)))
    }
    return 0
  },
}
