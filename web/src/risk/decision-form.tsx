import { useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { SelectField } from '../ui/field.tsx'
import { RiskError } from './risk-shared.tsx'
import type { EvaluationView } from './types.ts'

const DECISIONS = ['advise', 'secondary_interview', 'protection_referral', 'no_action']
const NOTIFY = new Set(['notify_police', 'notify_ncct', 'notify_mosvy'])

/**
 * The officer's decision beside the advice. Any decision may be taken; the agency notifications the evaluation
 * suggested are offered for the officer to confirm, and each confirmed one becomes an alert in that agency's inbox.
 */
export function DecisionForm({
  evaluation: e,
  onDecided,
}: {
  evaluation: EvaluationView
  onDecided(e: EvaluationView, alerts: number): void
}) {
  const { t } = useI18n()
  const suggested = e.actions.filter((a) => NOTIFY.has(a))
  const [decision, setDecision] = useState(
    DECISIONS.includes(e.suggestedAction)
      ? e.suggestedAction
      : e.suggestedAction === 'none'
        ? 'no_action'
        : 'secondary_interview',
  )
  const [note, setNote] = useState('')
  const [notify, setNotify] = useState<string[]>([])
  const [error, setError] = useState<unknown>()
  const [key] = useState(newIdempotencyKey)

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault()
    setError(undefined)
    try {
      const out = await api<{ evaluation: EvaluationView; alerts: number }>(
        'POST',
        `/api/risk/evaluations/${e.id}/decision`,
        {
          body: { decision, note, notify },
          idempotencyKey: key,
        },
      )
      onDecided(out.evaluation, out.alerts)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="decision">
      <h2 id="decision">{t('risk-web.decision.title')}</h2>
      <SelectField
        label={t('risk-web.decision.decision')}
        value={decision}
        onChange={(ev) => setDecision(ev.target.value)}
      >
        {DECISIONS.map((d) => (
          <option key={d} value={d}>
            {t(`risk-web.decision.options.${d}`)}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <label htmlFor="decision-note">{t('risk-web.decision.note')}</label>
        <textarea id="decision-note" rows={3} value={note} onChange={(ev) => setNote(ev.target.value)} />
      </div>
      {suggested.length > 0 && (
        <fieldset>
          <legend>{t('risk-web.decision.notify')}</legend>
          {suggested.map((a) => (
            <label key={a} className="checkbox">
              <input
                type="checkbox"
                checked={notify.includes(a)}
                onChange={(ev) =>
                  setNotify((n) => (ev.target.checked ? [...n, a] : n.filter((x) => x !== a)))
                }
              />
              {t(`risk.actions.${a}`)}
            </label>
          ))}
        </fieldset>
      )}
      <RiskError error={error} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('risk-web.decision.record')}
        </button>
      </div>
    </form>
  )
}
