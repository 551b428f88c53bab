import { useI18n } from '../i18n/i18n.tsx'
import type { Breakdown, ImpactReport } from './types.ts'

/** The impact report: totals, the change in secondary interviews, warnings, and bars per group. */
export function ImpactReportView({ report: r }: { report: ImpactReport }) {
  const { t, formatNumber: n } = useI18n()
  const si = r.secondaryInterviews
  return (
    <div data-testid="impact-report">
      <dl className="facts">
        <dt>{t('risk-web.impact.total')}</dt>
        <dd>{n(r.total)}</dd>
        <dt>{t('risk-web.impact.flagged')}</dt>
        <dd>{n(r.flagged)}</dd>
        <dt>{t('risk-web.impact.interviews')}</dt>
        <dd>
          {t('risk-web.impact.interviewsValue', { candidate: n(si.candidate), current: n(si.current) })}
        </dd>
        <dt>{t('risk-web.impact.extra')}</dt>
        <dd>
          <strong>{(si.extra > 0 ? '+' : '') + n(si.extra)}</strong>{' '}
          {t('risk-web.impact.movement', { added: n(si.newlyReferred), removed: n(si.noLongerReferred) })}
        </dd>
      </dl>
      {r.warnings.length > 0 && (
        <ul className="banner banner-error" role="alert">
          {r.warnings.map((w) => (
            <li key={w.code + JSON.stringify(w.params)}>{t(w.code, w.params)}</li>
          ))}
        </ul>
      )}
      <p className="legend" aria-hidden="true">
        <span className="legend-flagged">{t('risk-web.impact.flagged')}</span>
        <span className="legend-interview">{t('risk-web.impact.interviews')}</span>
      </p>
      <Bars title={t('risk-web.impact.byPost')} groups={r.byPost} label={(k) => k} />
      <Bars title={t('risk-web.impact.byNationality')} groups={r.byNationality} label={(k) => k} />
      <Bars title={t('risk-web.impact.bySex')} groups={r.bySex} label={(k) => t(`risk.values.sex.${k}`)} />
      <Bars
        title={t('risk-web.impact.byAgeBand')}
        groups={r.byAgeBand}
        label={(k) => t(`risk.ageBands.${k}`)}
      />
    </div>
  )
}

/**
 * Plain HTML/CSS bars (no chart library is installed): each group's flagged travellers and secondary interviews as
 * a share of its travellers, with the numbers written beside them so nothing depends on seeing the bar.
 */
function Bars({
  title,
  groups,
  label,
}: {
  title: string
  groups: Record<string, Breakdown>
  label(k: string): string
}) {
  const { t, formatNumber: n } = useI18n()
  const rows = Object.entries(groups).sort((a, b) => b[1].total - a[1].total)
  if (rows.length === 0) return null
  const pct = (part: number, whole: number) => `${whole === 0 ? 0 : (part / whole) * 100}%`
  return (
    <figure>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <div className="bars">
        {rows.map(([k, b]) => (
          <div key={k} style={{ display: 'contents' }}>
            <span>{k === 'unknown' ? t('risk-web.impact.unknown') : label(k)}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-flagged" style={{ width: pct(b.flagged, b.total) }} />
              <span className="bar-interview" style={{ width: pct(b.secondaryInterviews, b.total) }} />
            </span>
            <span>
              {t('risk-web.impact.barValue', {
                flagged: n(b.flagged),
                interviews: n(b.secondaryInterviews),
                total: n(b.total),
              })}
            </span>
          </div>
        ))}
      </div>
    </figure>
  )
}
