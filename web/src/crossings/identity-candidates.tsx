import { useState } from 'react'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import '../posts/posts.css'
import { ErrorBanner } from '../ui/feedback.tsx'

export interface IdentityCandidate {
  travellerId: string
  surname: string
  givenNames: string
  birthDate: string | null
  sex: string | null
  nationality: string | null
  score: number
  decision: 'match' | 'possible'
  documents: { issuingState: string; documentCode: string; documentNumber: string }[]
  crossings: number
  lastCrossing: { day: string; postCode: string; direction: string } | null
}

/**
 * Earlier travellers who may hold this newly seen document (same birth date, alike names). The officer links the
 * document to one of them ("same person") or dismisses the proposals; nothing is merged otherwise. The inspection
 * answer carries the proposals (`identityCandidates`), so they cost no second request.
 */
export function IdentityCandidates({
  inspection,
  onLinked,
}: {
  inspection: { document: { id: string }; identityCandidates?: IdentityCandidate[] }
  onLinked(): void
}) {
  const { t, formatNumber } = useI18n()
  const candidates = inspection.identityCandidates ?? []
  const [dismissed, setDismissed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const documentId = inspection.document.id
  if (dismissed || candidates.length === 0) return null

  const link = async (travellerId: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await api('POST', '/api/crossings/identify/confirm', { body: { documentId, travellerId } })
      onLinked()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      className="card identity-candidates"
      aria-labelledby="identity-title"
      data-testid="identity-candidates"
    >
      <h2 id="identity-title">{t('posts.identify.title')}</h2>
      <p className="muted">{t('posts.identify.hint')}</p>
      <ErrorBanner error={error} />
      <ul className="plain-list">
        {candidates.map((c) => (
          <li key={c.travellerId}>
            <strong>
              {c.givenNames} {c.surname}
            </strong>{' '}
            · {c.birthDate ?? '—'} · {c.sex ?? '—'} · {c.nationality ?? '—'}
            <div className="muted">
              {t(`posts.identify.decision.${c.decision}`)} ·{' '}
              {t('posts.identify.score', { score: formatNumber(Math.round(c.score * 100)) })} ·{' '}
              {t('posts.identify.crossings', { count: formatNumber(c.crossings) })}
              {c.lastCrossing && ` · ${c.lastCrossing.day} ${c.lastCrossing.postCode}`}
            </div>
            <div className="muted">
              {t('posts.identify.documents', {
                documents: c.documents.map((d) => `${d.issuingState} ${d.documentNumber}`).join(', '),
              })}
            </div>
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void link(c.travellerId)}
              >
                {t('posts.identify.confirm')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => setDismissed(true)}>
          {t('posts.identify.ignore')}
        </button>
      </div>
    </section>
  )
}
