import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { DefectChart } from './defect-chart.tsx'
import { ItemTime } from './score-view.tsx'
import type { DefectTally, ExerciseScore } from './types.ts'

interface Results {
  exercise: { id: string; title: string; secondsPerDocument: number }
  trainees: {
    userId: string
    name: string
    postCode: string | null
    startedAt: string
    submittedAt: string | null
    score: ExerciseScore | null
  }[]
  byDefect: DefectTally[]
}

/**
 * A trainer's view of one set: every trainee in reach with found, missed, false alarms, the score and the seconds
 * spent on each document; then the same per defect kind, as a chart and as a table.
 */
export function ResultsPanel({ exerciseId }: { exerciseId: string }) {
  const { t, formatDateTime, formatNumber } = useI18n()
  const results = useFetch<Results>(`/api/training/exercises/${exerciseId}/results`)
  if (results.error) return <ErrorBanner error={results.error} />
  if (!results.data) return <Loading />
  const { exercise, trainees, byDefect } = results.data
  const n = (v: number | undefined) => formatNumber(v ?? 0)
  return (
    <section className="card" data-testid="results">
      <h2>
        {t('training.web.results')} · <span translate="no">{exercise.title}</span>
      </h2>
      <p className="muted">{t('training.web.pace_short', { seconds: exercise.secondsPerDocument })}</p>
      <table className="data">
        <thead>
          <tr>
            <th>{t('training.web.trainee')}</th>
            <th>{t('training.web.percent')}</th>
            <th>{t('training.web.found')}</th>
            <th>{t('training.web.found_late')}</th>
            <th>{t('training.web.missed')}</th>
            <th>{t('training.web.false_alarms')}</th>
            <th>{t('training.web.time_per_document')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {trainees.map((r) => (
            <tr key={r.userId}>
              <td translate="no">{r.name}</td>
              <td>
                {r.score
                  ? t('training.web.score', { percent: r.score.percent })
                  : t('training.web.not_submitted')}
              </td>
              <td>{r.score ? n(r.score.found) : ''}</td>
              <td>{r.score ? n(r.score.foundLate) : ''}</td>
              <td>{r.score ? n(r.score.missed) : ''}</td>
              <td>{r.score ? n(r.score.falseAlarms) : ''}</td>
              <td>
                <ol className="times">
                  {r.score?.items.map((item, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the documents of a set are in a fixed order
                    <li key={i}>
                      <ItemTime item={item} />
                    </li>
                  ))}
                </ol>
              </td>
              <td>{r.submittedAt ? formatDateTime(r.submittedAt) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('training.web.by_defect')}</h3>
      {byDefect.length === 0 ? (
        <p className="muted">{t('training.web.no_results')}</p>
      ) : (
        <div data-testid="by-defect">
          <p className="muted">{t('training.web.by_defect_hint')}</p>
          <DefectChart rows={byDefect} />
          <table className="data">
            <thead>
              <tr>
                <th>{t('training.web.defect')}</th>
                <th>{t('training.web.injected')}</th>
                <th>{t('training.web.found')}</th>
                <th>{t('training.web.found_late')}</th>
                <th>{t('training.web.missed')}</th>
                <th>{t('training.web.false_alarms')}</th>
              </tr>
            </thead>
            <tbody>
              {byDefect.map((r) => (
                <tr key={r.defect}>
                  <td>{t(`training.defect.${r.defect}.name`)}</td>
                  <td>{n(r.injected)}</td>
                  <td>{n(r.found)}</td>
                  <td>{n(r.foundLate)}</td>
                  <td>{n(r.missed)}</td>
                  <td>{n(r.falseAlarms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
