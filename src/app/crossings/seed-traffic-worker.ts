import { parentPort, workerData } from 'node:worker_threads'
import { type TrafficShape, trafficBatches } from './seed-traffic-batch.ts'
import { SeedCells, type SeedCellsState } from './seed-traffic-cells.ts'
import { type BatchText, encodeBatch } from './seed-traffic-encode.ts'

/** What the generator thread is started with (`copyGenerated`). */
export interface GeneratorData extends TrafficShape {
  batchSize: number
  officerId: string
  /** The record keys' secret to count the rows with; null to count nothing. */
  secret: string | null
  /** Batches sent ahead of the main thread's acknowledgements at most. */
  ahead: number
}

export type FromGenerator =
  | { kind: 'batch'; travellers: number; movements: number; text: BatchText }
  | { kind: 'done'; cells: SeedCellsState | null }

/**
 * The seed's generator thread: makes the synthetic traffic, counts it into the statistics cells and encodes it as
 * COPY text, batch after batch, while the main thread streams the text to PostgreSQL. Each batch waits for a
 * credit (any message from the main thread: one per batch it has sent) so no more than `ahead` are in flight; at
 * the end the cells are handed over, their buffers transferred.
 */
const data = workerData as GeneratorData
const cells = data.secret === null ? null : new SeedCells(data.secret)
let credit = data.ahead
let wake: (() => void) | undefined
parentPort!.on('message', () => {
  credit++
  wake?.()
  wake = undefined
})
for (const batch of trafficBatches(data, data.batchSize)) {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve))
  credit--
  cells?.add(batch)
  const sent: FromGenerator = {
    kind: 'batch',
    travellers: batch.travellers,
    movements: batch.movements,
    text: encodeBatch(batch, data.officerId),
  }
  parentPort!.postMessage(sent)
}
const state = cells?.state() ?? null
const done: FromGenerator = { kind: 'done', cells: state }
parentPort!.postMessage(done, state ? state.days.flatMap((d) => (d ? [d.buffer as ArrayBuffer] : [])) : [])
parentPort!.close()
