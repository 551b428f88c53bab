import { Worker } from 'node:worker_threads'
import { FileRefused } from './file-refused.ts'
import type { FromWorker, ToWorker, WorkerTask } from './worker-host.ts'

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url)

/** Heap a parsing worker may use: a file that needs more is refused, and the server's own heap is never at stake. */
const WORKER_HEAP_MB = 512

/**
 * A small pool: at most `slots` parsing workers at once in a process (further imports wait their turn, so a burst
 * of uploads cannot take every core), kept warm between jobs because starting one costs about a second. A worker
 * whose job failed or was abandoned is terminated, never reused.
 */
let slots = 2
let running = 0
const queue: (() => void)[] = []
const idle: Worker[] = []

export function setWorkerSlots(n: number) {
  slots = Math.max(1, n)
}

async function acquire(): Promise<Worker> {
  if (running >= slots) await new Promise<void>((resolve) => queue.push(resolve))
  running++
  const warm = idle.pop()
  if (warm) {
    warm.ref()
    return warm
  }
  return new Worker(BOOTSTRAP, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })
}

async function release(worker: Worker, reusable: boolean) {
  worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit')
  if (reusable && idle.length < slots) {
    // An idle worker must not keep the process alive, nor die unseen: a dead one is dropped from the pool.
    worker.unref()
    worker.once('exit', () => idle.splice(idle.indexOf(worker) >>> 0, 1))
    worker.on('error', () => {})
    idle.push(worker)
  } else await worker.terminate()
  running--
  queue.shift()?.()
}

/**
 * Runs a reader (an exported async generator of `module`) in a parsing worker over `source`, yielding what it
 * yields. Parsing a hostile file costs that worker's time and memory, never the request thread's: other requests
 * keep being answered meanwhile. A refusal in the worker arrives here as the same `FileRefused`.
 */
export async function* runInWorker<T>(o: {
  module: URL
  export: string
  job: unknown
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>
  batch?: number
}): AsyncGenerator<T> {
  const worker = await acquire()
  const from = o.source
  const source =
    Symbol.asyncIterator in from
      ? from[Symbol.asyncIterator]()
      : (async function* () {
          yield* from
        })()
  let pending: { resolve(m: FromWorker): void; reject(e: unknown): void } | null = null
  let failed: unknown
  let clean = false
  const fail = (e: unknown) => {
    failed ??= e
    pending?.reject(e)
    pending = null
  }
  const post = (m: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer)
  worker.on('message', (m: FromWorker) => {
    if (m.t === 'pull') {
      source.next().then(
        (r) => {
          if (r.done) return post({ t: 'end' })
          // A copy, transferred: the request's buffers may share a pool with other requests.
          const data =
            typeof r.value === 'string' ? new TextEncoder().encode(r.value) : new Uint8Array(r.value)
          post({ t: 'chunk', data }, [data.buffer as ArrayBuffer])
        },
        (e) => post({ t: 'fail', message: String((e as Error)?.message ?? e) }),
      )
      return
    }
    const p = pending
    pending = null
    p?.resolve(m)
  })
  worker.on('error', (e: Error & { code?: string }) =>
    fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new FileRefused('too_large_inflated', 0, { max: 0 }) : e),
  )
  worker.on('exit', () => fail(new Error('parsing worker stopped')))
  const task: WorkerTask = { module: o.module.href, export: o.export, job: o.job, batch: o.batch ?? 500 }
  post({ t: 'job', task })
  try {
    for (;;) {
      if (failed) throw failed
      const m = await new Promise<FromWorker>((resolve, reject) => {
        pending = { resolve, reject }
        post({ t: 'next' })
      })
      if (m.t === 'error') {
        if (m.error.name === 'FileRefused') throw new FileRefused(m.error.code!, m.error.line, m.error.params)
        throw new Error(m.error.message)
      }
      if (m.t !== 'items') continue
      if (m.done) clean = true
      yield* m.items as T[]
      if (m.done) return
    }
  } finally {
    await release(worker, clean)
  }
}
