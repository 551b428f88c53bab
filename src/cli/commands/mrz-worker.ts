import type { Writable } from 'node:stream'
import { parentPort, workerData } from 'node:worker_threads'
import { DocumentSplitter } from './mrz-input.ts'
import type { MrzRunOptions } from './mrz-json.ts'
import { writeDocument } from './mrz-json.ts'
import { ChunkedOutput } from './mrz-output.ts'

/**
 * A batch of standard input's bytes, cut by the main thread right after an empty line (`mrz.ts`): there a
 * document always ends and a fresh `DocumentSplitter` reads on exactly as the running one would.
 */
export interface MrzBatch {
  seq: number
  bytes: Uint8Array
}

/** The batch's JSON lines: the output buffers themselves, handed over without a copy. */
export interface MrzBatchDone {
  seq: number
  parts: Uint8Array[]
}

/**
 * A parsing worker of `passage mrz`: cuts each batch into documents, parses them and writes their JSON lines
 * exactly as the main thread would (`DocumentSplitter`, `writeDocument`), into buffers it then transfers. Batches
 * come in order and are answered in order.
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

parentPort!.on('message', ({ seq, bytes }: MrzBatch) => {
  const out = new ChunkedOutput(sink)
  const documents = new DocumentSplitter((lines, length) => writeDocument(out, lines, length, options))
  documents.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  documents.end()
  void out.flush()
  const done: MrzBatchDone = { seq, parts: parts.splice(0) }
  // Each part is the whole of its own buffer's used start (`ChunkedOutput` starts a new one after each write).
  parentPort!.postMessage(done, [...new Set(done.parts.map((p) => p.buffer as ArrayBuffer))])
})
