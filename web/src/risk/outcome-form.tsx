import { useState } from 'react'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { TextField } from '../ui/field.tsx'
import { RiskError } from './risk-shared.tsx'

/**
 * After the interview or the secondary inspection: was the concern confirmed? Each answer becomes part of the
 * indicators' measured precision in the risk analysis.
 */
export function OutcomeForm({ evaluationId }: { evaluationId: string }) {
  const { t } = useI18n()
  const [note, setNote] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<unknown>()
  const record = async (outcome: 'confirmed' | 'not_confirmed') => {
    setError(undefined)
    try {
      await api('POST', `/api/risk/evaluations/${evaluationId}/outcome`, { body: { outcome, note } })
      setDone(outcome)
    } catch (err) {
      setError(err)
    }
  }
  if (done) {
    return (
      <p className="banner banner-ok" role="status">
        {t(`risk-web.analysis.recorded.${done}`)}
      </p>
    )
  }
  return (
    <section className="card" aria-labelledby="outcome">
      <h2 id="outcome">{t('risk-web.analysis.outcomeTitle')}</h2>
      <p className="hint">{t('risk-web.analysis.outcomeHint')}</p>
      <RiskError error={error} />
      <TextField label={t('risk-web.analysis.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="actions">
        <button type="button" onClick={() => record('confirmed')}>
          {t('risk-web.analysis.confirmed')}
        </button>
        <button type="button" onClick={() => record('not_confirmed')}>
          {t('risk-web.analysis.notConfirmed')}
        </button>
      </div>
    </section>
  )
}
