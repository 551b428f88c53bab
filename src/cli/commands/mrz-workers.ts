import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { MrzRunOptions } from './mrz-json.ts'
import type { MrzBatch, MrzBatchDone } from './mrz-worker.ts'

/** Set by the bundle's build (scripts/cli-bundle.mjs): the directory of its compiled `worker.js`. */
declare const PASSAGE_BUNDLE_DIR: string | undefined

/** Past this many parsers there is nothing left to gain: the main thread's reading and writing is the limit. */
const MAX_WORKERS = 4

function workerUrl(): URL {
  return typeof PASSAGE_BUNDLE_DIR === 'string'
    ? new URL('worker.js', PASSAGE_BUNDLE_DIR)
    : new URL('./mrz-worker-bootstrap.mjs', import.meta.url)
}

/**
 * Parsers to start on this machine: one per core up to four, none on one core. A fixed rule, so a run's speed does
 * not depend on what else the machine happened to be doing when it started (an earlier rule read the load average).
 * Workers cost a third to two thirds more CPU in all than one thread (each warms its own JIT and caches; batches are
 * copied and handed over) and pay only in wall time: an operator sharing the machine with a busy API sets
 * `PASSAGE_MRZ_WORKERS=0` (or runs the command under `nice`).
 */
export function workerCount(
  cores = availableParallelism(),
  setting = process.env.PASSAGE_MRZ_WORKERS,
): number {
  // An operator's choice (0: never) wins over the default.
  if (setting !== undefined && /^\d{1,2}$/.test(setting)) return Math.min(MAX_WORKERS, Number(setting))
  return cores < 2 ? 0 : Math.min(MAX_WORKERS, cores)
}

/**
 * Parsing workers for a long `passage mrz` run. Batches of input bytes go to the workers in turn and come back in the order they
 * were sent (each worker answers its own in order), so output order is input order. At most `perWorker` batches
 * wait at each worker: the caller awaits `next()` before sending more, which keeps memory constant.
 */
export class MrzWorkers {
  private readonly workers: Worker[]
  private readonly done = new Map<number, Uint8Array[]>()
  private sent = 0
  private taken = 0
  private failure: Error | undefined
  private wake: (() => void) | undefined

  constructor(count: number, options: MrzRunOptions) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(workerUrl(), { workerData: options })
      worker.on('message', (m: MrzBatchDone) => {
        this.done.set(m.seq, m.parts)
        this.notify()
      })
      worker.on('error', (err) => this.fail(err))
      worker.on('exit', (code) => this.fail(new Error(`an mrz worker stopped (exit code ${code})`)))
      return worker
    })
  }

  /** Batches sent and not yet taken back. */
  get pending(): number {
    return this.sent - this.taken
  }

  /** Hands `bytes` (its own whole buffer) over to the next worker. */
  send(bytes: Uint8Array): void {
    const batch: MrzBatch = { seq: this.sent++, bytes }
    this.workers[batch.seq % this.workers.length]!.postMessage(batch, [bytes.buffer as ArrayBuffer])
  }

  /** The JSON lines of the oldest batch not yet taken, once it is done. */
  async next(): Promise<Uint8Array[]> {
    for (;;) {
      if (this.failure) throw this.failure
      const parts = this.done.get(this.taken)
      if (parts) {
        this.done.delete(this.taken++)
        return parts
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve
      })
    }
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed')
    await Promise.all(this.workers.map((w) => w.terminate()))
  }

  private fail(err: Error): void {
    this.failure ??= err
    this.notify()
  }

  private notify(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }
}
