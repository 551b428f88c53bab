import { useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import type { SecondaryDetail, SecondaryExamination } from './types.ts'

/**
 * The document examinations that belong to the interview: those linked, and the traveller's examinations made at
 * the post since the referral, offered for linking. The examination itself is made on the document screen.
 */
export function SecondaryExaminations({
  detail: s,
  onChange,
}: {
  detail: SecondaryDetail
  onChange(s: SecondaryDetail): void
}) {
  const { t, formatDateTime } = useI18n()
  const [error, setError] = useState<unknown>()
  const link = async (examinationId: string) => {
    setError(undefined)
    try {
      onChange(
        await api<SecondaryDetail>('POST', `/api/crossings/secondary/${s.id}/examinations`, {
          body: { examinationId },
          idempotencyKey: newIdempotencyKey(),
        }),
      )
    } catch (err) {
      setError(err)
    }
  }
  const line = (e: SecondaryExamination) =>
    `${t(`documents.finding.${e.finding}`)}, ${formatDateTime(e.examinedAt)}${e.notes ? ` — ${e.notes}` : ''}`

  return (
    <section className="card" aria-labelledby="examinations-title">
      <h2 id="examinations-title">{t('crossings.secondary.examinations')}</h2>
      <ErrorBanner error={error} />
      {s.examinations.length === 0 ? (
        <p>{t('crossings.secondary.noExaminations')}</p>
      ) : (
        <ul>
          {s.examinations.map((e) => (
            <li key={e.id}>{line(e)}</li>
          ))}
        </ul>
      )}
      {s.state === 'in_interview' && (
        <>
          {s.unlinkedExaminations.map((e) => (
            <p key={e.id}>
              {line(e)}{' '}
              <button type="button" onClick={() => link(e.id)}>
                {t('crossings.secondary.link')}
              </button>
            </p>
          ))}
          <p className="hint">
            {t('crossings.secondary.examineHint')} <Link to="/documents">{t('reading.nav.read')}</Link>
          </p>
        </>
      )}
    </section>
  )
}
