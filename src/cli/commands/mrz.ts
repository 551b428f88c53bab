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
/** About 1,500 documents of input per batch (~1 MB of JSON lines): few messages, and the first ones back soon. */
const BATCH_BYTES = 128 * 1024
/** A stretch this long without a blank line is read on this thread (the splitter drops what is past the limit). */
const MAX_PENDING = 4 * 1024 * 1024

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
  /** Bytes of input gathered before a batch is cut for a worker. */
  batchBytes?: number
  /** Bytes gathered without an empty line after which the main thread reads them itself. */
  maxPending?: number
  workers?: number
}

/**
 * Where a document certainly ends and the splitter is back where it started: right after LF LF or LF CR LF (an
 * empty line ended, whatever came before; a CRLF-separated file has LF CR LF between its documents).
 */
const LF_LF = Buffer.from('\n\n')
const LF_CR_LF = Buffer.from('\n\r\n')

function firstCut(bytes: Buffer): number {
  const a = bytes.indexOf(LF_LF)
  const b = bytes.indexOf(LF_CR_LF)
  if (a < 0) return b < 0 ? -1 : b + 3
  return b < 0 || a < b ? a + 2 : b + 3
}

function lastCut(bytes: Buffer): number {
  const a = bytes.lastIndexOf(LF_LF)
  const b = bytes.lastIndexOf(LF_CR_LF)
  return Math.max(a < 0 ? -1 : a + 2, b < 0 ? -1 : b + 3)
}

/**
 * Reads documents on stdin and writes their JSON lines in input order. The first documents are parsed here; past
 * `parallelAfter` of them, this thread only cuts standard input's bytes into batches — right after an empty line,
 * where a document ends and a fresh splitter reads on exactly as this one would — and writes the workers' buffers
 * in order; the workers decode, split, parse and write. Input that is not bytes, or a stretch of `maxPending`
 * bytes without a blank line (a hostile line), is read here again, in constant memory, until the next blank line.
 * The bytes written are the same either way (`mrz-parallel.test.ts`).
 */
export async function runMrz(io: CliIO, options: MrzRunOptions, tuning: MrzRunTuning = {}): Promise<number> {
  const parallelAfter = tuning.parallelAfter ?? PARALLEL_AFTER
  const batchBytes = tuning.batchBytes ?? BATCH_BYTES
  const maxPending = tuning.maxPending ?? MAX_PENDING
  const count = tuning.workers ?? workerCount()
  const output = new ChunkedOutput(io.stdout)
  let workers: MrzWorkers | undefined
  /** Input bytes not yet sent, while the workers read (undefined: this thread reads). */
  let pending: Buffer[] | undefined
  let pendingBytes = 0
  let written = 0
  // One document at a time, and never more than MAX_INPUT_LENGTH characters of it: constant memory, however
  // long a line is (readline would keep a whole line, a gigabyte without a break included).
  const documents = new DocumentSplitter((block, length) => {
    writeDocument(output, block, length, options)
    written++
  })
  const send = (bytes: Uint8Array) => {
    // A copy of its own, handed over whole to the worker.
    workers!.send(new Uint8Array(bytes))
  }
  const writeReady = async (atMost: number) => {
    while (workers && workers.pending > atMost && !output.isClosed)
      await output.passThrough(await workers.next())
  }
  try {
    for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
      if (pending && typeof chunk === 'string') {
        // Text, not bytes (a caller's stream): everything sent is written first, then this thread reads on.
        await writeReady(0)
        for (const part of pending) documents.push(part)
        pending = undefined
      }
      if (!pending) {
        const cut = typeof chunk !== 'string' && count > 0 && written >= parallelAfter ? firstCut(chunk) : -1
        if (cut < 0) documents.push(chunk)
        else {
          const bytes = chunk as Buffer
          documents.push(bytes.subarray(0, cut))
          workers ??= new MrzWorkers(count, options)
          pending = [bytes.subarray(cut)]
          pendingBytes = pending[0]!.length
        }
        if (output.pending >= FLUSH_AT) await output.flush()
      } else {
        pending.push(chunk as Buffer)
        pendingBytes += chunk.length
        if (pendingBytes >= batchBytes) {
          const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending)
          const cut = lastCut(bytes)
          if (cut >= 0) {
            send(bytes.subarray(0, cut))
            pending = [bytes.subarray(cut)]
          } else if (bytes.length > maxPending) {
            // No blank line in sight: written what was sent, this thread reads the long stretch itself.
            await writeReady(0)
            documents.push(bytes)
            pending = undefined
          } else pending = [bytes]
          pendingBytes = pending ? pending[0]!.length : 0
        }
        // A batch or two waiting at each worker keeps them busy; more would only hold memory.
        await writeReady(2 * count - 1)
      }
      if (output.isClosed) break
    }
    if (pending && !output.isClosed) {
      const rest = Buffer.concat(pending)
      if (rest.length > 0) send(rest)
    }
    await writeReady(0)
    documents.end()
    await output.flush()
  } finally {
    output.end()
    await workers?.close()
  }
  return 0
}
