import { useState } from 'react'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { usePeriodLabel } from '../statistics/format.ts'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { IndicatorPanel } from './indicator-panel.tsx'
import type { NodeProgress, PlanDashboard, PlanSummary } from './plans-api.ts'
import { FigureText, ProgressBadge } from './progress-badge.tsx'
import './plans.css'

/** `/plans`: the plan dashboard — pillars and agencies at a glance, every indicator's year, and one in detail. */
export function PlansPage() {
  const { t } = useI18n()
  const plans = useFetch<PlanSummary[]>('/api/plans')
  if (plans.loading && !plans.data) return <Loading />
  if (plans.error) return <ErrorBanner error={plans.error} />
  const plan = plans.data?.[0]
  return (
    <div className="plans">
      <div className="page-head">
        <h1>{t('plans.title')}</h1>
      </div>
      {plan ? <PlanView plan={plan} /> : <EmptyState title={t('plans.noPlans')} />}
    </div>
  )
}

function PlanView({ plan }: { plan: PlanSummary }) {
  const { t, formatNumber, locale } = useI18n()
  const { can } = useSession()
  // Periods and years in the reader's digits and month names: a Khmer screen never mixes the two scripts.
  const label = usePeriodLabel()
  const [year, setYear] = useState(() =>
    Math.min(plan.endYear, Math.max(plan.startYear, new Date().getFullYear())),
  )
  const [selected, setSelected] = useState<string | null>(null)
  const board = useFetch<PlanDashboard>(`/api/plans/${plan.id}/dashboard?year=${year}`)
  const d = board.data
  const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i)
  const indicator = d?.indicators.find((i) => i.id === selected)
  const report = (period: string, format: string) =>
    `/api/plans/${plan.id}/progress-report?period=${period}&format=${format}&lang=${locale}`
  return (
    <>
      <section className="card">
        <h2>{plan.title}</h2>
        {plan.illustrative && (
          <p className="banner banner-warning plan-illustrative" role="note">
            <strong>{t('plans.illustrative.label')}</strong> — {t('plans.illustrative.note')}
          </p>
        )}
        <div className="plan-toolbar">
          <SelectField label={t('plans.year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {label(String(y))}
              </option>
            ))}
          </SelectField>
          <span className="plan-downloads">
            {t('plans.dashboard.download')}:{' '}
            {[String(year), `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`].map((p) => (
              <span key={p}>
                {label(p)}{' '}
                <a href={report(p, 'pdf')} translate="no">
                  PDF
                </a>{' '}
                ·{' '}
                <a href={report(p, 'xlsx')} translate="no">
                  XLSX
                </a>{' '}
              </span>
            ))}
          </span>
          {can('plan_report:approve') && <Link to="/plans/review">{t('plans.reports.queue')}</Link>}
          <Link to="/plans/structure">{t('plans.editor.open')}</Link>
        </div>
        {d && (
          <p className="hint">
            {t('plans.dashboard.thresholds', {
              onTrack: formatNumber(d.plan.thresholds.onTrack * 100),
              atRisk: formatNumber(d.plan.thresholds.atRisk * 100),
            })}{' '}
            {d.disclosure.exact
              ? t('plans.disclosure.exact')
              : t('plans.disclosure.published', { threshold: d.disclosure.threshold })}
          </p>
        )}
      </section>
      {board.error && <ErrorBanner error={board.error} />}
      {board.loading && !d && <Loading />}
      {d && (
        <>
          <div className="plan-overview">
            <section className="card" aria-labelledby="plan-pillars">
              <h2 id="plan-pillars">{t('plans.dashboard.byPillar')}</h2>
              <NodeTree nodes={d.nodes} />
            </section>
            <section className="card" aria-labelledby="plan-agencies">
              <h2 id="plan-agencies">{t('plans.dashboard.byAgency')}</h2>
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('plans.dashboard.agency')}</th>
                    <th>{t('plans.dashboard.progress')}</th>
                    {(['on_track', 'at_risk', 'off_track', 'no_data'] as const).map((p) => (
                      <th key={p}>{t(`plans.progress.${p}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.agencies.map((a) => (
                    <tr key={a.agency}>
                      <td>{a.name}</td>
                      <td>
                        <ProgressBadge progress={a.progress} />
                      </td>
                      {(['on_track', 'at_risk', 'off_track', 'no_data'] as const).map((p) => (
                        <td key={p}>{formatNumber(a.activities[p])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          <section className="card" aria-labelledby="plan-indicators">
            <h2 id="plan-indicators">{t('plans.dashboard.indicators')}</h2>
            <div className="table-scroll">
              <table className="data-table plan-indicators">
                <thead>
                  <tr>
                    <th>{t('plans.dashboard.indicator')}</th>
                    {d.indicators[0]?.figures.map((f) => (
                      <th key={f.period}>{label(f.period)}</th>
                    ))}
                    <th>{t('plans.dashboard.target')}</th>
                    <th>{t('plans.dashboard.progress')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.indicators.map((i) => {
                    const yearly = i.figures[i.figures.length - 1]
                    return (
                      <tr key={i.id} className={i.id === selected ? 'selected' : undefined}>
                        <td>
                          <button type="button" className="link-button" onClick={() => setSelected(i.id)}>
                            {i.code} {i.name}
                          </button>
                          <br />
                          <small className="hint">{t(`plans.sources.${i.source}`)}</small>
                        </td>
                        {i.figures.map((f) => (
                          <td key={f.period}>
                            <FigureText figure={f} unit={i.unit} />
                          </td>
                        ))}
                        <td>{yearly?.target === null || !yearly ? '—' : formatNumber(yearly.target)}</td>
                        <td>{yearly && <ProgressBadge progress={yearly.progress} />}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          </section>
          {indicator && (
            <IndicatorPanel
              key={indicator.id}
              planId={plan.id}
              years={plan}
              indicator={indicator}
              nodes={d.nodes}
              onChange={board.reload}
            />
          )}
        </>
      )}
    </>
  )
}

/** Pillars down to activities, each with its progress for the year. */
function NodeTree({ nodes }: { nodes: NodeProgress[] }) {
  const { t } = useI18n()
  const branch = (parent: string | null) => {
    const children = nodes.filter((n) => n.parentId === parent)
    if (!children.length) return null
    return (
      <ul className="plan-tree">
        {children.map((n) => (
          <li key={n.id}>
            <span className="plan-node">
              <small>{t(`plans.kinds.${n.kind}`)}</small> {n.code} {n.title}{' '}
              <ProgressBadge progress={n.progress} />
            </span>
            {branch(n.id)}
          </li>
        ))}
      </ul>
    )
  }
  return branch(null)
}
