import { type KeyboardEvent, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { TextArea } from '../protection/shared.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import type { SecondaryDetail } from './types.ts'

/** The interview notes, oldest first, and a box for the next one; Ctrl+Enter saves it. Notes are never edited. */
export function SecondaryNotes({
  detail: s,
  onChange,
}: {
  detail: SecondaryDetail
  onChange(s: SecondaryDetail): void
}) {
  const { t, formatDateTime } = useI18n()
  const [text, setText] = useState('')
  const [key, setKey] = useState(newIdempotencyKey)
  const [error, setError] = useState<unknown>()

  const save = async () => {
    setError(undefined)
    try {
      onChange(
        await api<SecondaryDetail>('POST', `/api/crossings/secondary/${s.id}/notes`, {
          body: { text },
          idempotencyKey: key,
        }),
      )
      setText('')
      setKey(newIdempotencyKey())
    } catch (err) {
      setError(err)
    }
  }
  const enter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void save()
    }
  }

  return (
    <section className="card" aria-labelledby="notes-title" data-testid="secondary-notes">
      <h2 id="notes-title">{t('crossings.secondary.notes')}</h2>
      {s.notes.length === 0 ? (
        <p>{t('crossings.secondary.noNotes')}</p>
      ) : (
        <ol className="secondary-notes">
          {s.notes.map((n) => (
            <li key={n.id}>
              <small className="muted">
                {n.author}, {formatDateTime(n.writtenAt)}
              </small>
              <p>{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      {s.state === 'in_interview' && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <ErrorBanner error={error} />
          <TextArea
            label={t('crossings.secondary.note')}
            hint={t('crossings.secondary.noteHint')}
            value={text}
            maxLength={4000}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={enter}
          />
          <div className="actions">
            <button type="submit" disabled={!text.trim()}>
              {t('crossings.secondary.addNote')} <kbd>Ctrl+Enter</kbd>
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
