import { useState } from 'react'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { TextField } from '../ui/field.tsx'
import { ImpactReportView } from './impact-report.tsx'
import { RiskError } from './risk-shared.tsx'
import type { RuleSetDetail } from './types.ts'

/** Runs the impact check on a draft or reviewed version and shows its last report. */
export function ImpactSection({ version: v, onChanged }: { version: RuleSetDetail; onChanged(): void }) {
  const { t, formatDateTime, formatNumber } = useI18n()
  const { can } = useSession()
  const [days, setDays] = useState('90')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const runnable = (v.status === 'draft' || v.status === 'reviewed') && can('rule_set:update')
  const check = v.impactCheck
  if (!runnable && !check) return null

  const run = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(undefined)
    setBusy(true)
    try {
      await api('POST', `/api/risk/rule-sets/${v.id}/impact-check`, { body: { days: Number(days) } })
      onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="impact">
      <h2 id="impact">{t('risk-web.impact.title')}</h2>
      <p className="hint">{t('risk-web.impact.intro')}</p>
      {runnable && (
        <form onSubmit={run} className="filters">
          <TextField
            label={t('risk-web.impact.days')}
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('risk-web.impact.run')}
            </button>
          </div>
        </form>
      )}
      <RiskError error={error} />
      {check && (
        <>
          <p>
            {t('risk-web.impact.ran', {
              days: formatNumber(check.days),
              by: check.ranBy,
              at: formatDateTime(check.ranAt),
            })}
          </p>
          {!check.current && (
            <p className="banner banner-error" role="alert">
              {t('risk-web.impact.outOfDate')}
            </p>
          )}
          <ImpactReportView report={check.report} />
        </>
      )}
    </section>
  )
}
