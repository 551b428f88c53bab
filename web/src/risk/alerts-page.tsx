import { useState } from 'react'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { RiskError } from './risk-shared.tsx'
import type { Alert } from './types.ts'
import './risk.css'

interface Inbox {
  items: Alert[]
  total: number
  escalated: number
  escalatedToYou: boolean
}

/** The agency's inbox of risk alerts: overdue ones first, each with the reasons that raised it. */
export function AlertsPage() {
  const { t, formatNumber } = useI18n()
  const { session } = useSession()
  const [state, setState] = useState('open')
  const inbox = useFetch<Inbox>(`/api/risk/alerts?state=${state}&limit=200`)
  const data = inbox.data

  return (
    <>
      <h1>{t('risk-web.alerts.title', { agency: session!.user.agencyCode })}</h1>
      <p className="hint">{t('risk-web.alerts.intro')}</p>
      {data && data.escalated > 0 && (
        <p className="banner banner-error" role="alert">
          {t(data.escalatedToYou ? 'risk-web.alerts.escalatedToYou' : 'risk-web.alerts.escalatedCount', {
            count: formatNumber(data.escalated),
          })}
        </p>
      )}
      <search className="filters">
        <SelectField label={t('web.common.status')} value={state} onChange={(e) => setState(e.target.value)}>
          {['open', 'acknowledged', 'all'].map((s) => (
            <option key={s} value={s}>
              {t(`risk-web.alerts.states.${s}`)}
            </option>
          ))}
        </SelectField>
      </search>
      <RiskError error={inbox.error} />
      {inbox.loading && !data ? (
        <Loading />
      ) : data?.items.length === 0 ? (
        <EmptyState title={t('risk-web.alerts.empty')} />
      ) : (
        data?.items.map((a) => <AlertCard key={a.id} alert={a} onChanged={inbox.reload} />)
      )}
    </>
  )
}

function AlertCard({ alert: a, onChanged }: { alert: Alert; onChanged(): void }) {
  const { t, locale, formatDateTime, formatNumber } = useI18n()
  const { can } = useSession()
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>()
  const acknowledge = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(undefined)
    try {
      await api('POST', `/api/risk/alerts/${a.id}/acknowledge`, { body: { note } })
      onChanged()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <article className={`card${a.escalated ? ' alert-escalated' : ''}`} aria-labelledby={`alert-${a.id}`}>
      <h2 id={`alert-${a.id}`}>
        {t(`risk.actions.${a.action}`)} · {a.postCode ?? '—'}
      </h2>
      {a.escalated && (
        <p className="field-error">
          {t('risk-web.alerts.overdue', { hours: formatNumber(a.escalateAfterHours) })}
        </p>
      )}
      <dl className="facts">
        <dt>{t('risk-web.alerts.raised')}</dt>
        <dd>
          {formatDateTime(a.createdAt)} · {a.createdBy}
        </dd>
        <dt>{t('risk-web.alerts.due')}</dt>
        <dd>{formatDateTime(a.dueAt)}</dd>
        <dt>{t('risk-web.alerts.score')}</dt>
        <dd>{formatNumber(a.score)}</dd>
        {a.decision && (
          <>
            <dt>{t('risk-web.decision.decision')}</dt>
            <dd>{t(`risk-web.decision.options.${a.decision}`)}</dd>
          </>
        )}
        {a.note && (
          <>
            <dt>{t('risk-web.decision.note')}</dt>
            <dd>{a.note}</dd>
          </>
        )}
      </dl>
      <ul className="hits">
        {a.hits.map((h) => (
          <li key={h.indicatorId}>
            <strong>{h.text.name[locale]}</strong>
            <div>{h.text.reason[locale]}</div>
          </li>
        ))}
      </ul>
      {a.acknowledgement ? (
        <p className="banner banner-ok">
          {t('risk-web.alerts.acknowledgedBy', {
            by: a.acknowledgement.by,
            at: formatDateTime(a.acknowledgement.at),
          })}
          {a.acknowledgement.note && ` — ${a.acknowledgement.note}`}
        </p>
      ) : (
        can('risk_alert:update') && (
          <form onSubmit={acknowledge}>
            <div className="field">
              <label htmlFor={`ack-${a.id}`}>{t('risk-web.alerts.ackNote')}</label>
              <textarea id={`ack-${a.id}`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <RiskError error={error} />
            <div className="actions">
              <button type="submit" className="primary">
                {t('risk-web.alerts.acknowledge')}
              </button>
            </div>
          </form>
        )
      )}
    </article>
  )
}
