import { useState } from 'react'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { personName } from './shared.tsx'
import type { PersonName } from './types.ts'

interface Duplicate {
  person: PersonName & { birthDate: string | null; nationality: string | null }
  score: number
  decision: 'match' | 'possible'
  via: 'latin' | 'khmer'
  matchedParts: { a: string; b: string; method: string }[]
}

/**
 * Records that may be the same person as this case's, found with the Khmer-aware matcher. The worker reads
 * why each was proposed and merges it into this case's person, with a reason; nothing merges by itself.
 */
export function CaseDuplicates({ personId, onChanged }: { personId: string; onChanged(): void }) {
  const { t } = useI18n()
  const list = useFetch<Duplicate[]>(`/api/protection/persons/${personId}/duplicates`)
  const [merging, setMerging] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<unknown>()
  const merge = async (duplicateId: string) => {
    setError(undefined)
    try {
      await api('POST', `/api/protection/persons/${duplicateId}/merge`, {
        body: { keepId: personId, reason },
      })
      setMerging(null)
      setReason('')
      list.reload()
      onChanged()
    } catch (err) {
      setError(err)
    }
  }
  if (!list.data) return null
  return (
    <section className="card" aria-labelledby="duplicates">
      <h2 id="duplicates">{t('cases.duplicates.title')}</h2>
      <ErrorBanner error={error ?? list.error} />
      {list.data.length === 0 ? (
        <p className="muted">{t('cases.duplicates.none')}</p>
      ) : (
        <ul className="plain-list">
          {list.data.map((d) => (
            <li key={d.person.id} data-testid="duplicate">
              <strong translate="no">{personName(d.person)}</strong> — {d.person.birthDate ?? '—'} ·{' '}
              {d.person.nationality ?? '—'}
              <div className="muted">
                {t(`cases.duplicates.${d.decision}`, { score: Math.round(d.score * 100) })} ·{' '}
                {d.matchedParts
                  .map((p) => `${p.a} ≈ ${p.b} (${t(`cases.duplicates.methods.${p.method}`)})`)
                  .join(', ')}
              </div>
              {merging === d.person.id ? (
                <div className="actions">
                  <TextField
                    label={t('cases.duplicates.reason')}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                  <button
                    type="button"
                    className="primary"
                    disabled={reason.trim().length < 5}
                    onClick={() => merge(d.person.id)}
                  >
                    {t('cases.duplicates.confirm')}
                  </button>
                  <button type="button" onClick={() => setMerging(null)}>
                    {t('web.common.cancel')}
                  </button>
                </div>
              ) : (
                <button type="button" onClick={() => setMerging(d.person.id)}>
                  {t('cases.duplicates.merge')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
