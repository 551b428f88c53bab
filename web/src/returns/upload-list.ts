import { ApiError } from '../api/client.ts'
import type { ImportReport } from './types.ts'

export type ImportEvent =
  | { type: 'upload'; ratio: number }
  | { type: 'start' | 'progress'; importId: string; total: number; processed: number }
  | { type: 'done'; replayed: boolean; import: ImportReport }
  | { type: 'error'; error: { code: string; message: string; details?: [] } }

/**
 * Sends a return list as the raw body and follows the server's NDJSON answer line by line. XMLHttpRequest rather
 * than fetch: it reports the upload's progress, and its response text grows as the server writes each line.
 */
export function uploadList(
  url: string,
  file: File,
  csrf: string | undefined,
  onEvent: (e: ImportEvent) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    let seen = 0
    let report: ImportReport | null = null
    let failure: ApiError | null = null
    const readLines = () => {
      if (xhr.status !== 200) return
      const text = xhr.responseText
      const end = text.lastIndexOf('\n') + 1
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line) continue
        const event = JSON.parse(line) as ImportEvent
        if (event.type === 'done') report = event.import
        if (event.type === 'error')
          failure = new ApiError(500, event.error.code, event.error.message, event.error.details ?? [])
        onEvent(event)
      }
      seen = end
    }
    xhr.open('POST', url)
    xhr.setRequestHeader(
      'content-type',
      /\.xlsx$/i.test(file.name)
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
    )
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf)
    xhr.upload.onprogress = (e) =>
      e.lengthComputable && onEvent({ type: 'upload', ratio: e.loaded / e.total })
    xhr.onprogress = readLines
    xhr.onerror = () => reject(new ApiError(0, 'network', ''))
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let e = { code: 'internal_error', message: xhr.statusText, details: [] }
        try {
          e = JSON.parse(xhr.responseText).error ?? e
        } catch {}
        reject(new ApiError(xhr.status, e.code, e.message, e.details ?? []))
        return
      }
      readLines()
      if (report) resolve(report)
      else reject(failure ?? new ApiError(0, 'network', ''))
    }
    xhr.send(file)
  })
}
