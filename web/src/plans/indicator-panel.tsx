import { type FormEvent, useRef, useState } from 'react'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import {
  EVIDENCE_ACCEPT,
  type IndicatorProgress,
  moveReport,
  type NodeProgress,
  type ReportView,
  saveReport,
  uploadEvidence,
} from './plans-api.ts'
import { ReportCard } from './report-card.tsx'
import { TargetEditor } from './target-editor.tsx'
import { TrendChart } from './trend-chart.tsx'

/** One indicator: its definition and links, its trend, its agencies' reports, and the form to report a value. */
export function IndicatorPanel(p: {
  planId: string
  /** The plan's years: a target is set for each of them, never outside. */
  years: { startYear: number; endYear: number }
  indicator: IndicatorProgress
  nodes: NodeProgress[]
  onChange: () => void
}) {
  const { t, formatNumber } = useI18n()
  const { can } = useSession()
  const i = p.indicator
  const reports = useFetch<ReportView[]>(`/api/plans/${p.planId}/reports?indicator=${i.id}`)
  const node = p.nodes.find((n) => n.id === i.nodeId)
  const refresh = () => {
    reports.reload()
    p.onChange()
  }
  return (
    <section className="card plan-indicator" aria-labelledby="plan-indicator-title">
      <h2 id="plan-indicator-title">
        {i.code} {i.name}
      </h2>
      <p>{i.definition}</p>
      <dl className="plan-facts">
        <dt>{t('plans.dashboard.responsible')}</dt>
        <dd>{node?.responsibleAgency ?? '—'}</dd>
        <dt>{t('plans.dashboard.supporting')}</dt>
        <dd>{node?.supportingAgencies.join(', ') || '—'}</dd>
        <dt>{t('plans.dashboard.baseline')}</dt>
        <dd>{i.baseline ? `${formatNumber(i.baseline.value)} (${i.baseline.year})` : '—'}</dd>
        <dt>{t('plans.dashboard.verification')}</dt>
        <dd>{i.verification}</dd>
        <dt>{t('plans.dashboard.links')}</dt>
        <dd>{[...i.gcm.map((g) => `GCM ${g}`), ...i.sdg.map((s) => `SDG ${s}`)].join(' · ')}</dd>
      </dl>
      <TrendChart indicator={i} />
      {can('plan:update') && <TargetEditor key={i.id} indicator={i} {...p.years} onDone={p.onChange} />}
      {i.source === 'reported' && can('plan_report:create') && (
        <ReportForm indicatorId={i.id} onDone={refresh} />
      )}
      {i.source === 'reported' && (
        <>
          <h3>{t('plans.reports.title')}</h3>
          {reports.data?.map((r) => (
            <ReportCard key={r.id} report={r} onChange={refresh} />
          ))}
        </>
      )}
    </section>
  )
}

/** Save a draft, attach evidence, submit: three steps, each confirmed, so nothing is sent half-made. */
function ReportForm({ indicatorId, onDone }: { indicatorId: string; onDone: () => void }) {
  const { t } = useI18n()
  const { session } = useSession()
  const [period, setPeriod] = useState('')
  const [value, setValue] = useState('')
  const [note, setNote] = useState('')
  const [reportId, setReportId] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<unknown>()
  const file = useRef<HTMLInputElement>(null)
  const act = async (work: () => Promise<string>) => {
    setError(undefined)
    setStatus(null)
    try {
      setStatus(await work())
      onDone()
    } catch (e) {
      setError(e)
    }
  }
  const save = (e: FormEvent) => {
    e.preventDefault()
    void act(async () => {
      const saved = await saveReport(indicatorId, { period: period.trim(), value: Number(value), note })
      setReportId(saved.id)
      return t('plans.reports.saved')
    })
  }
  return (
    <form className="plan-report-form" onSubmit={save}>
      <h3>{t('plans.dashboard.report')}</h3>
      <TextField
        label={t('plans.reports.period')}
        value={period}
        onChange={(e) => setPeriod(e.target.value)}
        required
      />
      <TextField
        label={t('plans.reports.value')}
        inputMode="decimal"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        required
      />
      <TextField label={t('plans.reports.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit">{t('plans.reports.save')}</button>
      {reportId && (
        <>
          <div className="field">
            <label htmlFor="plan-evidence">{t('plans.reports.evidence')}</label>
            <input id="plan-evidence" ref={file} type="file" accept={EVIDENCE_ACCEPT} />
          </div>
          <button
            type="button"
            onClick={() =>
              act(async () => {
                const chosen = file.current?.files?.[0]
                if (!chosen) return ''
                await uploadEvidence(reportId, chosen, session?.csrfToken)
                return t('plans.reports.uploaded')
              })
            }
          >
            {t('plans.reports.upload')}
          </button>
          <button
            type="button"
            onClick={() =>
              act(async () => {
                await moveReport(reportId, 'submit')
                return t('plans.reports.submitted')
              })
            }
          >
            {t('plans.reports.submit')}
          </button>
        </>
      )}
      {status && (
        <p className="banner banner-success" role="status">
          {status}
        </p>
      )}
      <ErrorBanner error={error} withFields />
    </form>
  )
}
