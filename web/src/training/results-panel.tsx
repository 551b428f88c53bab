import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { ExerciseScore } from './types.ts'

interface Results {
  exercise: { id: string; title: string }
  trainees: {
    userId: string
    name: string
    postCode: string | null
    startedAt: string
    submittedAt: string | null
    score: ExerciseScore | null
  }[]
}

/** A trainer's view of one set: every trainee in reach, with found, missed, false alarms and the score. */
export function ResultsPanel({ exerciseId }: { exerciseId: string }) {
  const { t, formatDateTime, formatNumber } = useI18n()
  // Counter pace: how long the trainee took over the set, in whole minutes (at least one).
  const minutes = (from: string, to: string) =>
    t('training.web.minutes', {
      count: Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)),
    })
  const results = useFetch<Results>(`/api/training/exercises/${exerciseId}/results`)
  if (results.error) return <ErrorBanner error={results.error} />
  if (!results.data) return <Loading />
  return (
    <section className="card" data-testid="results">
      <h2>
        {t('training.web.results')} · <span translate="no">{results.data.exercise.title}</span>
      </h2>
      <table className="data">
        <thead>
          <tr>
            <th>{t('training.web.trainee')}</th>
            <th>{t('training.web.percent')}</th>
            <th>{t('training.web.found')}</th>
            <th>{t('training.web.missed')}</th>
            <th>{t('training.web.false_alarms')}</th>
            <th>{t('training.web.duration')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {results.data.trainees.map((r) => (
            <tr key={r.userId}>
              <td translate="no">{r.name}</td>
              <td>
                {r.score
                  ? t('training.web.score', { percent: r.score.percent })
                  : t('training.web.not_submitted')}
              </td>
              <td>{r.score ? formatNumber(r.score.found) : ''}</td>
              <td>{r.score ? formatNumber(r.score.missed) : ''}</td>
              <td>{r.score ? formatNumber(r.score.falseAlarms) : ''}</td>
              <td>{r.submittedAt ? minutes(r.startedAt, r.submittedAt) : ''}</td>
              <td>{r.submittedAt ? formatDateTime(r.submittedAt) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
