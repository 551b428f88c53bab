import {
  MAX_INPUT_LENGTH,
  oversizedInputResult,
  parseIsoDay,
  parseMrz,
} from '../../domain/documents/index.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { type Command, UsageError } from '../command.ts'
import { DocumentSplitter } from './mrz-input.ts'
import { writeJsonLine } from './mrz-json.ts'
import { ChunkedOutput } from './mrz-output.ts'

/** Bytes gathered before they are written: one write per document cost more than parsing it. */
const FLUSH_AT = 64 * 1024

const USAGE = `Usage: passage mrz [--allow-specimen] [--date YYYY-MM-DD] < input

Reads machine-readable zones (MRZ) on standard input: the lines of one document one after the other,
documents separated by a blank line. Writes one JSON object per document per line, in input order:
{"format", "valid", "fields", "checks", "errors", "warnings"}. Positions in errors are 0-based
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

export const mrzCommand: Command = {
  name: 'mrz',
  summary: 'Read machine-readable zones on stdin, write one JSON line per document',
  usage: USAGE,
  async run(argv, io) {
    const options = parseArgs(argv)
    const output = new ChunkedOutput(io.stdout)
    // One document at a time, and never more than MAX_INPUT_LENGTH characters of it: constant memory, however
    // long a line is (readline would keep a whole line, a gigabyte without a break included).
    const documents = new DocumentSplitter((block, length) => {
      const result = length > MAX_INPUT_LENGTH ? oversizedInputResult(length) : parseMrz(block, options)
      writeJsonLine(output, result, options.referenceDate)
      output.newline()
    })
    try {
      for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
        documents.push(chunk)
        if (output.pending >= FLUSH_AT) await output.flush()
        if (output.isClosed) break
      }
      documents.end()
      await output.flush()
    } finally {
      output.end()
    }
    return 0
  },
}
