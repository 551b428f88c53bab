import { createInterface } from 'node:readline'
import {
  deriveFacts,
  isBlankLine,
  MAX_INPUT_LENGTH,
  type MrzIssue,
  type MrzResult,
  oversizedInputResult,
  parseIsoDay,
  parseMrz,
} from '../../domain/documents/index.ts'
import { translate } from '../../platform/i18n/catalog.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { type Command, UsageError, writeLine } from '../command.ts'

const USAGE = `Usage: passage mrz [--allow-specimen] [--date YYYY-MM-DD] < input

Reads machine-readable zones (MRZ) on standard input: the lines of one document one after the other,
documents separated by a blank line. Writes one JSON object per document per line, in input order:
{"format", "valid", "fields", "facts", "checks", "errors", "warnings"}: facts are the ones the web app
shows on --date (expired, daysToExpiry, age, minor …; null where the fields do not tell). Positions are 0-based
(line, start) with an exclusive end. The exit status is 0 whatever the documents' validity.

  --allow-specimen   accept the ICAO specimen state UTO (training mode)
  --date YYYY-MM-DD  the day two-digit years are resolved against (default: today in Cambodia)`

interface Options {
  allowSpecimen: boolean
  referenceDate: string
}

function parseArgs(argv: string[]): Options {
  const options: Options = { allowSpecimen: false, referenceDate: todayInCambodia() }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--allow-specimen') options.allowSpecimen = true
    else if (arg === '--date' || arg.startsWith('--date=')) {
      const value = arg === '--date' ? argv[++i] : arg.slice('--date='.length)
      if (!value || !parseIsoDay(value)) {
        throw new UsageError('--date needs a day as YYYY-MM-DD')
      }
      options.referenceDate = value
    } else throw new UsageError(`unknown option ${arg}`)
  }
  return options
}

function present(issue: MrzIssue) {
  const { code, field, line, start, end, params } = issue
  return { code, field, message: translate('en', code, params), line, start, end }
}

/**
 * The JSON line for one document: fields in a fixed order, the facts the web app shows on the reference day
 * (an expired document says so here too), messages in English.
 */
export function toJsonLine(result: MrzResult, referenceDate: string): string {
  const f = result.fields
  const fields = {
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
  }
  return JSON.stringify({
    format: result.format,
    valid: result.valid,
    fields,
    facts: deriveFacts(result.fields, { onDate: referenceDate }),
    checks: result.checks,
    errors: result.errors.map(present),
    warnings: result.warnings.map(present),
  })
}

export const mrzCommand: Command = {
  name: 'mrz',
  summary: 'Read machine-readable zones on stdin, write one JSON line per document',
  usage: USAGE,
  async run(argv, io) {
    const options = parseArgs(argv)
    const input = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })
    // One document at a time, and never more than MAX_INPUT_LENGTH characters of it: constant memory.
    let block: string[] = []
    let length = 0
    const flush = async () => {
      if (length === 0) return
      const result = length > MAX_INPUT_LENGTH ? oversizedInputResult(length) : parseMrz(block, options)
      block = []
      length = 0
      await writeLine(io.stdout, toJsonLine(result, options.referenceDate))
    }
    for await (const line of input) {
      if (isBlankLine(line)) {
        await flush()
        continue
      }
      length += line.length + (length > 0 ? 1 : 0)
      if (length <= MAX_INPUT_LENGTH) block.push(line)
      else block = []
    }
    await flush()
    return 0
  },
}
