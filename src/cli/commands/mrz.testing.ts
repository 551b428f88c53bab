import { Readable } from 'node:stream'

/**
 * Standard input that never ends: `document` and a blank line, 500 at a time, for a run whose consumer goes away.
 * `reads()` says how many chunks were taken, so a test can show the reading stopped.
 */
export function endlessInput(document: string): { stream: Readable; reads: () => number } {
  let reads = 0
  const stream = Readable.from(
    (function* () {
      for (;;) {
        reads++
        yield `${document}\n\n`.repeat(500)
      }
    })(),
  )
  return { stream, reads: () => reads }
}
