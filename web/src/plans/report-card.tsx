import { useState } from 'react'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { usePeriodLabel } from '../statistics/format.ts'
import { ErrorBanner } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { moveReport, type ReportView } from './plans-api.ts'

/** A reported value with its evidence and comments; the secretariat approves or returns it from here. */
export function ReportCard({
  report,
  onChange,
  announce,
}: {
  report: ReportView
  onChange: () => void
  /** Where the outcome is said when the card leaves the list with it (the review queue); else on the card. */
  announce?: (message: string) => void
}) {
  const { t, formatNumber, formatDateTime } = useI18n()
  const label = usePeriodLabel()
  const { can } = useSession()
  const [comment, setComment] = useState('')
  const [error, setError] = useState<unknown>()
  const [done, setDone] = useState<string | null>(null)
  const act = async (event: 'approve' | 'return') => {
    setError(undefined)
    try {
      await moveReport(report.id, event, comment)
      const message = t(event === 'approve' ? 'plans.reports.approved' : 'plans.reports.returned')
      if (announce) announce(message)
      else setDone(message)
      onChange()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <article className="plan-report" aria-label={`${report.indicatorCode} ${report.period} ${report.agency}`}>
      <p>
        <strong>
          {report.indicatorCode} {report.indicatorName}
        </strong>{' '}
        — {label(report.period)} — {report.agency}: <strong>{formatNumber(report.value)}</strong>{' '}
        <span className={`plan-state plan-state-${report.state}`}>
          {t(`plans.reports.states.${report.state}`)}
        </span>
      </p>
      {report.note && <p>{report.note}</p>}
      <ul className="plan-evidence">
        {report.evidence.map((e) => (
          <li key={e.id}>
            <a href={`/api/plans/evidence/${e.id}`} translate="no">
              {e.name}
            </a>{' '}
            ({formatNumber(Math.ceil(e.size / 1024))} KB)
          </li>
        ))}
      </ul>
      {report.comments.length > 0 && (
        <ul className="plan-comments">
          {report.comments.map((c) => (
            <li key={`${c.at}-${c.author}`}>
              <span translate="no">{c.author}</span> · {formatDateTime(c.at)}: {c.body}
            </li>
          ))}
        </ul>
      )}
      {report.state === 'submitted' && can('plan_report:approve') && (
        <div className="plan-review">
          <TextField
            label={t('plans.reports.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <button type="button" onClick={() => act('approve')}>
            {t('plans.reports.approve')}
          </button>
          <button type="button" className="secondary" onClick={() => act('return')}>
            {t('plans.reports.return')}
          </button>
        </div>
      )}
      {done && (
        <p className="banner banner-success" role="status">
          {done}
        </p>
      )}
      <ErrorBanner error={error} withFields />
    </article>
  )
}
