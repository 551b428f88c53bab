import { useState } from 'react'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { ComposeForms } from './compose-form.tsx'
import { ResultsPanel } from './results-panel.tsx'
import type { ExerciseSummary, SessionView, TrainingRecord } from './types.ts'
import './training.css'

/**
 * Training: the user's own record, the training ground's exercises, and for those who run training (NCCT, IOM,
 * post chiefs) drawing a set, its results, resetting the ground and the sessions with their participants.
 */
export function TrainingPage() {
  const { t, locale, formatDay } = useI18n()
  const { can } = useSession()
  const steer = can('training_record:update')
  const record = useFetch<TrainingRecord>('/api/training/record')
  const exercises = useFetch<{ items: ExerciseSummary[] }>('/api/training/exercises')
  const sessions = useFetch<{ items: SessionView[] }>(steer ? '/api/training/sessions' : null)
  const [results, setResults] = useState<string | null>(null)
  const [error, setError] = useState<unknown>()
  const [notice, setNotice] = useState('')

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    setError(undefined)
    setNotice('')
    try {
      await fn()
      exercises.reload()
      if (done) setNotice(done)
    } catch (e) {
      setError(e)
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('training.web.title')}</h1>
      </div>
      <ErrorBanner error={error ?? record.error ?? exercises.error} />
      {notice && <div className="banner banner-ok">{notice}</div>}
      <section className="card">
        <h2>{t('training.web.exercises')}</h2>
        {exercises.loading && !exercises.data ? (
          <Loading />
        ) : (exercises.data?.items.length ?? 0) === 0 ? (
          <EmptyState title={t('training.web.no_exercises')} />
        ) : (
          <table className="data">
            <tbody>
              {exercises.data!.items.map((e) => (
                <tr key={e.id}>
                  <td translate="no">{e.title}</td>
                  <td>{e.difficulty ? t(`training.difficulty.${e.difficulty}`) : ''}</td>
                  <td>{t('training.web.size', { count: e.size })}</td>
                  <td>{t('training.web.pace_short', { seconds: e.secondsPerDocument })}</td>
                  <td>
                    {e.submitted ? (
                      t('training.web.done')
                    ) : can('training_exercise:create') ? (
                      <Link to={`/training/ground?exercise=${e.id}`}>
                        {e.attemptId ? t('training.web.resume') : t('training.web.start')}
                      </Link>
                    ) : null}
                  </td>
                  {steer && (
                    <td>
                      <button type="button" onClick={() => setResults(e.id)}>
                        {t('training.web.results')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {steer && results && <ResultsPanel exerciseId={results} />}
      {steer && (
        <>
          <ComposeForms act={act} />
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                act(() => api('POST', '/api/training/ground/reset'), t('training.web.reset_done'))
              }
            >
              {t('training.web.reset')}
            </button>
          </div>
        </>
      )}
      <section className="card">
        <h2>{t('training.web.record')}</h2>
        <ul>
          {record.data?.sessions.map((s) => (
            <li key={s.participantId}>
              {locale === 'km' ? s.courseTitleKm : s.courseTitleEn} · {formatDay(s.startsOn)}
              {s.completedOn && ` · ${t('training.web.completed')} `}
              {s.completedOn && (
                <a href={`/api/training/participants/${s.participantId}/certificate.pdf`}>
                  {t('training.web.certificate')}
                </a>
              )}
            </li>
          ))}
          {record.data?.exercises.map((e) => (
            <li key={e.exerciseId}>
              <span translate="no">{e.title}</span> · {t('training.web.score', { percent: e.percent })}
            </li>
          ))}
        </ul>
      </section>
      {steer && (
        <section className="card">
          <h2>{t('training.web.sessions')}</h2>
          {(sessions.data?.items.length ?? 0) === 0 && (
            <p className="muted">{t('training.web.no_sessions')}</p>
          )}
          {sessions.data?.items.map((s) => (
            <div key={s.id}>
              <h3>
                {locale === 'km' ? s.courseTitleKm : s.courseTitleEn} · <span translate="no">{s.place}</span>{' '}
                · {formatDay(s.startsOn)}
              </h3>
              <table className="data">
                <tbody>
                  {s.participants.map((p) => (
                    <tr key={p.id}>
                      <td translate="no">{p.fullName}</td>
                      <td>{p.agencyCode}</td>
                      <td>{p.postCode ?? ''}</td>
                      <td>{p.attended ? t('training.web.attended') : ''}</td>
                      <td>
                        {p.completedOn && (
                          <a href={`/api/training/participants/${p.id}/certificate.pdf`}>
                            {t('training.web.certificate')}
                          </a>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
    </>
  )
}
