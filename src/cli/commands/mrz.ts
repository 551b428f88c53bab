import { parseIsoDay } from '../../domain/documents/index.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { type CliIO, type Command, UsageError } from '../command.ts'
import { DocumentSplitter } from './mrz-input.ts'
import { type MrzRunOptions, writeDocument } from './mrz-json.ts'
import { ChunkedOutput } from './mrz-output.ts'
import { MrzWorkers, workerCount } from './mrz-workers.ts'

/** Bytes gathered before they are written: one write per document cost more than parsing it. */
const FLUSH_AT = 64 * 1024
/** About 0.2 s of documents on one thread: below it, starting workers would cost more than it saves. */
const PARALLEL_AFTER = 20_000
/** About 0.7 MB of JSON lines per batch: few enough messages, and the first ones back soon. */
const BATCH = 1000

const USAGE = `Usage: passage mrz [--allow-specimen] [--date YYYY-MM-DD] < input

Reads machine-readable zones (MRZ) on standard input: the lines of one document one after the other,
documents separated by a blank line. Writes one JSON object per document per line, in input order:
{"format", "valid", "fields", "checks", "errors", "warnings"}. Positions in errors are 0-based
(line, start) with an exclusive end. The exit status is 0 whatever the documents' validity.

  --allow-specimen   accept the ICAO specimen state UTO (training mode)
  --date YYYY-MM-DD  the day two-digit years are resolved against (default: today in Cambodia)`

function parseArgs(argv: string[]): MrzRunOptions {
  const options: MrzRunOptions = { allowSpecimen: false, referenceDate: todayInCambodia() }
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
  // Async, so a usage error rejects the promise as every command's does.
  run: async (argv, io) => runMrz(io, parseArgs(argv)),
}

export interface MrzRunTuning {
  /** Documents read on the main thread before parsing moves to workers (small inputs never pay to start them). */
  parallelAfter?: number
  /** Documents per batch sent to a worker. */
  batch?: number
  workers?: number
}

/**
 * Reads documents on stdin and writes their JSON lines in input order. The first documents are parsed here; past
 * `parallelAfter` of them, parsing and writing move to worker threads (one per core, up to four) and this thread
 * only cuts the input into batches and writes the workers' buffers in order. The bytes are the same either way
 * (`mrz-parallel.test.ts`).
 */
export async function runMrz(io: CliIO, options: MrzRunOptions, tuning: MrzRunTuning = {}): Promise<number> {
  const parallelAfter = tuning.parallelAfter ?? PARALLEL_AFTER
  const batchSize = tuning.batch ?? BATCH
  const output = new ChunkedOutput(io.stdout)
  let workers: MrzWorkers | undefined
  let written = 0
  let blocks: string[][] = []
  let lengths: number[] = []
  const sendBatch = () => {
    workers!.send(blocks, lengths)
    blocks = []
    lengths = []
  }
  // One document at a time, and never more than MAX_INPUT_LENGTH characters of it: constant memory, however
  // long a line is (readline would keep a whole line, a gigabyte without a break included).
  const documents = new DocumentSplitter((block, length) => {
    if (!workers) {
      writeDocument(output, block, length, options)
      written++
      return
    }
    blocks.push(block)
    lengths.push(length)
    if (blocks.length >= batchSize) sendBatch()
  })
  const count = tuning.workers ?? workerCount()
  try {
    for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
      documents.push(chunk)
      if (!workers && count > 0 && written >= parallelAfter) workers = new MrzWorkers(count, options)
      // A batch or two waiting at each worker keeps them busy; more would only hold memory.
      if (workers)
        while (workers.pending >= 2 * count && !output.isClosed)
          await output.passThrough(await workers.next())
      else if (output.pending >= FLUSH_AT) await output.flush()
      if (output.isClosed) break
    }
    documents.end()
    if (workers && blocks.length > 0) sendBatch()
    while (workers && workers.pending > 0 && !output.isClosed) await output.passThrough(await workers.next())
    await output.flush()
  } finally {
    output.end()
    await workers?.close()
  }
  return 0
}
