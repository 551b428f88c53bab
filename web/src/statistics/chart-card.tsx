import { type ReactNode, useId, useState } from 'react'
import type { Freshness } from '../../../src/app/statistics/statistics.contract.ts'
import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner, Loading } from '../ui/feedback.tsx'

/**
 * A refusal on the rules (422) is the statistics API protecting people, e.g. a filter that would isolate
 * a small group: its reasons are shown as a plain note, not as a failure. Anything else is an error.
 */
function Problem({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 422) {
    const reasons = error.details.length > 0 ? error.details.map((d) => d.message) : [error.message]
    return (
      <p className="hint withheld-note" role="status">
        <span className="withheld-swatch" aria-hidden="true" />
        {reasons.join(' ')}
      </p>
    )
  }
  // The app's banner leaves out `body.*` details, meant for form fields; a figure has no fields to show them by.
  if (error instanceof ApiError && error.details.length > 0) {
    return (
      <div className="banner banner-error" role="alert">
        <p>{error.message}</p>
        <ul>
          {error.details.map((d) => (
            <li key={`${d.path}-${d.code}`}>{d.message}</li>
          ))}
        </ul>
      </div>
    )
  }
  return <ErrorBanner error={error} />
}

/**
 * The frame every dashboard figure shares: title, what it counts, loading/error/empty states, the note on
 * withheld figures, the switch between chart and table, and below them per-figure tools (`footer`: the
 * exports).
 */
export function ChartCard({
  title,
  hint,
  loading,
  error,
  empty,
  withheldCells = 0,
  threshold,
  freshness,
  footer,
  chart,
  table,
}: {
  title: string
  hint?: string
  loading: boolean
  error?: unknown
  empty: boolean
  withheldCells?: number
  threshold: number | null
  /** How current the figures are, as the API says (recorded crossings are folded into the rollups in the background). */
  freshness?: Freshness
  footer?: ReactNode
  chart: ReactNode
  table: ReactNode
}) {
  const { t, formatNumber, formatDateTime } = useI18n()
  const id = useId()
  const [showTable, setShowTable] = useState(false)
  const ready = !loading && !error && !empty
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`} aria-busy={loading}>
      <div className="chart-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="chart-tools">
          {ready && (
            <button type="button" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
              {showTable ? t('dashboards.table.hide') : t('dashboards.table.show')}
            </button>
          )}
        </div>
      </div>
      {hint && <p className="hint">{hint}</p>}
      {error ? (
        <Problem error={error} />
      ) : loading ? (
        <Loading />
      ) : empty ? (
        <p className="muted chart-empty">{t('dashboards.empty')}</p>
      ) : (
        <>
          {showTable ? table : chart}
          {withheldCells > 0 && (
            <p className="hint withheld-note">
              <span className="withheld-swatch" aria-hidden="true" />
              {threshold === null
                ? t('dashboards.withheld.noteNoThreshold', { count: formatNumber(withheldCells) })
                : t('dashboards.withheld.note', {
                    count: formatNumber(withheldCells),
                    threshold: formatNumber(threshold),
                  })}
            </p>
          )}
          {freshness && (
            <p className="hint freshness" data-testid="freshness">
              {freshness.pending > 0
                ? t('dashboards.freshness.pending', {
                    time: formatDateTime(freshness.asOf),
                    count: formatNumber(freshness.pending),
                  })
                : t('dashboards.freshness.current', { time: formatDateTime(freshness.asOf) })}
            </p>
          )}
          {footer}
        </>
      )}
    </section>
  )
}
