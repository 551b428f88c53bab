import { type ChangeEvent, useState } from 'react'
import { ApiError } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import type { Photo } from './types.ts'

const ACCEPTED = 'image/jpeg,image/png,image/webp'

/** Sends the file as it is (the API takes raw image bodies), with the session's CSRF token. */
async function upload(examinationId: string, file: File, csrf: string): Promise<Photo> {
  const res = await fetch(`/api/documents/examinations/${examinationId}/photos`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type, 'x-csrf-token': csrf, 'idempotency-key': crypto.randomUUID() },
    body: file,
  }).catch(() => null)
  if (!res) throw new ApiError(0, 'network', '')
  const data = await res.json().catch(() => null)
  if (!res.ok)
    throw new ApiError(res.status, data?.error?.code ?? 'internal_error', data?.error?.message ?? '')
  return data as Photo
}

/** Photos of the examined document; each is shown from the server, which records every view. */
export function PhotoUpload({ examinationId }: { examinationId: string }) {
  const { t } = useI18n()
  const { session } = useSession()
  const [photos, setPhotos] = useState<Photo[]>([])
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])]
    e.target.value = ''
    setBusy(true)
    try {
      for (const file of files) {
        const photo = await upload(examinationId, file, session?.csrfToken ?? '')
        setPhotos((p) => [...p, photo])
      }
      setError(undefined)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="photos-title">
      <h3 id="photos-title">{t('reading.photos.title')}</h3>
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor="photo-file">{t('reading.photos.add')}</label>
        <input id="photo-file" type="file" accept={ACCEPTED} multiple disabled={busy} onChange={choose} />
        <small className="hint">{t('reading.photos.hint')}</small>
      </div>
      <ul className="photos">
        {photos.map((p, i) => (
          <li key={p.id}>
            <img src={`/api/documents/photos/${p.id}`} alt={t('reading.photos.alt', { n: i + 1 })} />
          </li>
        ))}
      </ul>
    </section>
  )
}
