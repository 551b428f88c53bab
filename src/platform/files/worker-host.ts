import { parentPort } from 'node:worker_threads'
import { FileRefused } from './file-refused.ts'

/** What a worker is asked to run: an exported async generator of a module, over the bytes the caller streams in. */
export interface WorkerTask {
  module: string
  export: string
  job: unknown
  batch: number
}

export type ToWorker =
  | { t: 'job'; task: WorkerTask }
  | { t: 'chunk'; data: Uint8Array }
  | { t: 'end' }
  | { t: 'fail'; message: string }
  | { t: 'next' }
export type FromWorker =
  | { t: 'pull' }
  | { t: 'items'; items: unknown[]; done: boolean }
  | {
      t: 'error'
      error: {
        name: string
        code?: string
        line?: number
        params?: Record<string, string | number>
        message?: string
      }
    }

type Reader = (job: unknown, input: AsyncIterable<Uint8Array>) => AsyncIterable<unknown>

/**
 * The worker's side, one job at a time: input chunks are pulled from the caller only when the reader needs them,
 * and results go back in batches only when the caller asks, so neither side queues more than one batch. A worker
 * that finished a job cleanly waits for the next one (warm: its modules are already loaded).
 */
export function serve() {
  const port = parentPort!
  const send = (m: FromWorker) => port.postMessage(m)
  let waiting: ((m: ToWorker) => void) | null = null
  let items: Promise<AsyncIterator<unknown>> | null = null
  let batch = 500
  async function* input(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const m = await new Promise<ToWorker>((resolve) => {
        waiting = resolve
        send({ t: 'pull' })
      })
      if (m.t === 'end') return
      if (m.t === 'fail') throw new Error(m.message)
      if (m.t === 'chunk') yield m.data
    }
  }
  const fail = (e: unknown) =>
    send({
      t: 'error',
      error:
        e instanceof FileRefused
          ? e.toData()
          : { name: 'Error', message: String((e as Error)?.message ?? e) },
    })
  port.on('message', async (m: ToWorker) => {
    if (m.t === 'job') {
      batch = m.task.batch
      const task = m.task
      // The caller's first `next` may arrive while the module is still loading: it waits on this promise.
      items = import(task.module).then((mod: Record<string, Reader>) =>
        mod[task.export]!(task.job, input())[Symbol.asyncIterator](),
      )
      return
    }
    if (m.t !== 'next') {
      const w = waiting
      waiting = null
      w?.(m)
      return
    }
    try {
      const out: unknown[] = []
      let done = false
      const it = await items!
      while (out.length < batch) {
        const r = await it.next()
        if (r.done) {
          done = true
          break
        }
        out.push(r.value)
      }
      send({ t: 'items', items: out, done })
    } catch (e) {
      fail(e)
    }
  })
}
