import { useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { usePostNames } from '../posts/use-post-name.ts'
import { EmptyState, Loading } from '../ui/feedback.tsx'
import { DateField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { RiskError } from './risk-shared.tsx'

interface Analysis {
  from: string
  to: string
  postCode: string | null
  indicators: {
    indicatorId: string
    nameEn: string
    nameKm: string
    hits: number
    confirmed: number
    notConfirmed: number
    precision: number | null
  }[]
  weeks: { week: string; postCode: string | null; evaluations: number; flagged: number; hits: number }[]
}

/** Which indicators fire, where and when, and how often their concern was confirmed: the evidence for tuning. */
export function AnalysisPage() {
  const { t, locale, formatNumber: n, formatDay } = useI18n()
  const postName = usePostNames()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const q = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) })
  const a = useFetch<Analysis>(`/api/risk/analysis?${q}`)
  const maxHits = Math.max(1, ...(a.data?.indicators.map((i) => i.hits) ?? []))
  const maxWeek = Math.max(1, ...(a.data?.weeks.map((w) => w.evaluations) ?? []))
  return (
    <>
      <h1>{t('risk-web.nav.analysis')}</h1>
      <search className="filters">
        <DateField label={t('web.audit.from')} value={from} onChange={(e) => setFrom(e.target.value)} />
        <DateField label={t('web.audit.to')} value={to} onChange={(e) => setTo(e.target.value)} />
      </search>
      <RiskError error={a.error} />
      {!a.data ? (
        <Loading />
      ) : a.data.indicators.length === 0 ? (
        <EmptyState title={t('risk-web.analysis.empty', { from: a.data.from, to: a.data.to })} />
      ) : (
        <>
          <p className="muted">{t('risk-web.analysis.period', { from: a.data.from, to: a.data.to })}</p>
          <table className="data" data-testid="indicator-precision">
            <caption>{t('risk-web.analysis.byIndicator')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk-web.analysis.indicator')}</th>
                <th scope="col">{t('risk-web.analysis.hits')}</th>
                <th scope="col">{t('risk-web.analysis.confirmed')}</th>
                <th scope="col">{t('risk-web.analysis.notConfirmed')}</th>
                <th scope="col">{t('risk-web.analysis.precision')}</th>
              </tr>
            </thead>
            <tbody>
              {a.data.indicators.map((i) => (
                <tr key={i.indicatorId}>
                  <td>{locale === 'km' ? i.nameKm : i.nameEn}</td>
                  <td>
                    <span
                      className="bar"
                      style={{ width: `${(i.hits / maxHits) * 100}%` }}
                      aria-hidden="true"
                    />{' '}
                    {n(i.hits)}
                  </td>
                  <td>{n(i.confirmed)}</td>
                  <td>{n(i.notConfirmed)}</td>
                  <td>
                    {i.precision === null
                      ? t('risk-web.analysis.noOutcomes')
                      : `${n(Math.round(i.precision * 100))}%`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data">
            <caption>{t('risk-web.analysis.byWeek')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk-web.analysis.week')}</th>
                <th scope="col">{t('web.users.post')}</th>
                <th scope="col">{t('risk-web.analysis.evaluations')}</th>
                <th scope="col">{t('risk-web.analysis.flagged')}</th>
              </tr>
            </thead>
            <tbody>
              {a.data.weeks.map((w) => (
                <tr key={`${w.week}-${w.postCode}`}>
                  <td>{formatDay(w.week)}</td>
                  <td>{w.postCode ? postName(w.postCode) : '—'}</td>
                  <td>
                    <span
                      className="bar"
                      style={{ width: `${(w.evaluations / maxWeek) * 100}%` }}
                      aria-hidden="true"
                    />{' '}
                    {n(w.evaluations)}
                  </td>
                  <td>{n(w.flagged)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  )
}
