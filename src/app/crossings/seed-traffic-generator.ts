import { Worker } from 'node:worker_threads'
import type { TrafficShape } from './seed-traffic-batch.ts'
import { SeedCells } from './seed-traffic-cells.ts'
import type { CopyWriter } from './seed-traffic-copy.ts'
import type { FromGenerator, GeneratorData } from './seed-traffic-worker.ts'

const BOOTSTRAP = new URL('./seed-traffic-worker-bootstrap.mjs', import.meta.url)

/**
 * The COPY seed with its rows generated on a thread of their own (`seed-traffic-worker.ts`): there the traffic is
 * made, counted into the statistics cells and encoded as COPY text; here each batch's text is streamed to the
 * writer's connection as it comes. Generating and encoding are most of the seed's own work, and on one thread
 * with the streaming they left the server waiting for rows half the time. At most `ahead` batches are in flight; a
 * failed COPY stops the generator and is thrown (the caller rolls back). At the end the writer adopts the cells.
 */
export async function copyGenerated(
  writer: CopyWriter,
  shape: TrafficShape,
  o: { officerId: string; batchSize: number; ahead: number },
  onWritten: (batch: { travellers: number; movements: number }) => void,
): Promise<void> {
  const data: GeneratorData = { ...shape, ...o, secret: writer.countingSecret }
  const worker = new Worker(BOOTSTRAP, { workerData: data })
  let tail: Promise<void> = Promise.resolve()
  let finished = false
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromGenerator) => {
        if (m.kind === 'batch') {
          tail = tail
            .then(() => writer.send(m.text))
            .then(() => {
              onWritten(m)
              worker.postMessage(1)
            })
          tail.catch(reject)
          return
        }
        finished = true
        tail.then(() => {
          if (m.cells) writer.adoptCells(SeedCells.from(m.cells))
          resolve()
        }, reject)
      })
      worker.on('error', reject)
      // After its last message the generator ends by itself; before it, it died.
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`the seed's generator stopped early (exit code ${code})`))
      })
    })
  } finally {
    await worker.terminate()
  }
}
