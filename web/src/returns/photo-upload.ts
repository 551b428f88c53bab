import { ApiError } from '../api/client.ts'

export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp'

/** Sets a returnee's photo: the raw image as the body, the server checks that the bytes are what the type says. */
export async function putPhoto(returneeId: string, file: File, csrf: string | undefined): Promise<void> {
  let res: Response
  try {
    res = await fetch(`/api/returns/photos/${returneeId}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': file.type, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: file,
    })
  } catch {
    throw new ApiError(0, 'network', '')
  }
  if (res.ok) return
  const e = (await res.json().catch(() => null))?.error ?? { code: 'internal_error', message: res.statusText }
  throw new ApiError(res.status, e.code, e.message, e.details ?? [])
}
