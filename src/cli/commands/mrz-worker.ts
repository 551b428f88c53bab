import type { Writable } from 'node:stream'
import { parentPort, workerData } from 'node:worker_threads'
import type { MrzRunOptions } from './mrz-json.ts'
import { writeDocument } from './mrz-json.ts'
import { ChunkedOutput } from './mrz-output.ts'

/** A batch of documents, as the main thread cut them (`mrz-workers.ts`). */
export interface MrzBatch {
  seq: number
  blocks: string[][]
  lengths: number[]
}

/** The batch's JSON lines: the output buffers themselves, handed over without a copy. */
export interface MrzBatchDone {
  seq: number
  parts: Uint8Array[]
}

/**
 * A parsing worker of `passage mrz`: parses each batch and writes its JSON lines exactly as the main thread would
 * (`writeDocument`), into buffers it then transfers. Batches come in order and are answered in order.
 */
const options = workerData as MrzRunOptions
const parts: Uint8Array[] = []
const sink = {
  write(chunk: Uint8Array) {
    parts.push(chunk)
    return true
  },
  on() {},
  off() {},
} as unknown as Writable

parentPort!.on('message', ({ seq, blocks, lengths }: MrzBatch) => {
  const out = new ChunkedOutput(sink)
  for (let i = 0; i < blocks.length; i++) writeDocument(out, blocks[i]!, lengths[i]!, options)
  void out.flush()
  const done: MrzBatchDone = { seq, parts: parts.splice(0) }
  // Each part is the whole of its own buffer's used start (`ChunkedOutput` starts a new one after each write).
  parentPort!.postMessage(done, [...new Set(done.parts.map((p) => p.buffer as ArrayBuffer))])
})
