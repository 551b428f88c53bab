import { Unzip, type UnzipFile, UnzipInflate } from 'fflate'
import { FileRefused } from './file-refused.ts'

/** Compressed bytes handed to the inflater at a time: DEFLATE expands at most ~1032×, so one step stays ≤ 4 MiB. */
const STEP = 4096

/** Budget of inflated bytes shared by every entry read from one archive. */
export interface InflateBudget {
  max: number
  used: number
}

/**
 * Inflates the entries of a zip that `want` names, feeding each chunk to `sink` as it comes, and stops the moment
 * the inflated total passes the budget: a zip bomb is never inflated whole. The archive is pushed through fflate's
 * streaming `Unzip` in small steps so that no single step can inflate much more than the budget allows.
 */
export function inflateEntries(
  zip: Uint8Array,
  want: (name: string) => boolean,
  sink: (name: string, chunk: Uint8Array, final: boolean) => void,
  budget: InflateBudget,
): Set<string> {
  const seen = new Set<string>()
  let failure: unknown
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure || !want(file.name)) return
    seen.add(file.name)
    file.ondata = (err, data, final) => {
      if (failure) return
      try {
        if (err) throw new FileRefused('malformed_xlsx')
        budget.used += data.byteLength
        if (budget.used > budget.max) throw new FileRefused('too_large_inflated', 0, { max: budget.max })
        sink(file.name, data, final)
      } catch (e) {
        failure = e
      }
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < zip.byteLength && !failure; at += STEP) {
      const end = Math.min(at + STEP, zip.byteLength)
      unzip.push(zip.subarray(at, end), end === zip.byteLength)
    }
  } catch (e) {
    // fflate throws on a truncated archive or an entry it cannot read.
    failure ??= e instanceof FileRefused ? e : new FileRefused('malformed_xlsx')
  }
  if (failure) throw failure
  return seen
}
