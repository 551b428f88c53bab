import { ApiError } from '../api/client.ts'

/**
 * Sends a file as the raw request body. XMLHttpRequest rather than fetch, because only it reports upload
 * progress; `onProgress` gets 0…1 while the bytes go out, then 1 while the server imports.
 */
export function uploadFile<T>(
  url: string,
  file: File,
  csrf: string | undefined,
  onProgress: (ratio: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader(
      'content-type',
      file.name.endsWith('.xml') ? 'application/xml' : 'application/octet-stream',
    )
    xhr.setRequestHeader('accept', 'application/json')
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf)
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    xhr.upload.onload = () => onProgress(1)
    xhr.onerror = () => reject(new ApiError(0, 'network', ''))
    xhr.onload = () => {
      let data: { error?: { code: string; message: string; details?: [] } } | null = null
      try {
        data = JSON.parse(xhr.responseText)
      } catch {
        data = null
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T)
      else {
        const e = data?.error ?? { code: 'internal_error', message: xhr.statusText, details: [] }
        reject(new ApiError(xhr.status, e.code, e.message, e.details ?? []))
      }
    }
    xhr.send(file)
  })
}
