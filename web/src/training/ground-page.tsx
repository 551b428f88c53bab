import { useEffect, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner, Loading } from '../ui/feedback.tsx'
import { ScoreView } from './score-view.tsx'
import { setTrainingMode } from './training-mode.ts'
import { type Attempt, DEFECT_CODES, type DefectCode, type ExerciseScore, type GroundItem } from './types.ts'
import './training.css'

/**
 * The training ground: one generated specimen at a time, with what the inspection screen would show (the
 * reader's result, the training lists' answer, companions, the story), the trainee's findings, then the score.
 */
export function GroundPage() {
  const { t } = useI18n()
  const exerciseId = new URLSearchParams(window.location.search).get('exercise')
  const [attempt, setAttempt] = useState<Attempt>()
  const [error, setError] = useState<unknown>()
  const [index, setIndex] = useState(0)
  const [findings, setFindings] = useState<DefectCode[][]>([])
  const [score, setScore] = useState<ExerciseScore | null>(null)
  const [key] = useState(newIdempotencyKey)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setTrainingMode(true)
    if (!exerciseId) return
    api<Attempt>('POST', `/api/training/exercises/${encodeURIComponent(exerciseId)}/attempts`)
      .then((a) => {
        setAttempt(a)
        setFindings(a.items.map(() => []))
        setScore(a.score)
      })
      .catch(setError)
  }, [exerciseId])

  if (error) return <ErrorBanner error={error} />
  if (!attempt) return <Loading />
  const items = attempt.items
  const item = items[index]!
  const toggle = (d: DefectCode) =>
    setFindings((all) =>
      all.map((f, i) => (i !== index ? f : f.includes(d) ? f.filter((x) => x !== d) : [...f, d])),
    )
  const submit = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const r = await api<{ score: ExerciseScore }>(
        'POST',
        `/api/training/attempts/${attempt.attemptId}/submission`,
        {
          body: { findings },
          idempotencyKey: key,
        },
      )
      setScore(r.score)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <div className="page-head">
        <h1 translate="no">{attempt.exercise.title}</h1>
      </div>
      {score ? (
        <ScoreView score={score} />
      ) : (
        <>
          <p className="muted">{t('training.web.document', { n: index + 1, total: items.length })}</p>
          <div className="ground-grid">
            <Specimen item={item} />
            <section className="card findings" aria-label={t('training.web.findings')}>
              <h2>{t('training.web.findings')}</h2>
              {DEFECT_CODES.map((d) => (
                <label key={d}>
                  <input
                    type="checkbox"
                    checked={findings[index]?.includes(d) ?? false}
                    onChange={() => toggle(d)}
                  />{' '}
                  {t(`training.defect.${d}.name`)}
                </label>
              ))}
              {findings[index]?.length === 0 && <p className="muted">{t('training.web.no_findings')}</p>}
              <div className="actions">
                <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
                  {t('training.web.previous')}
                </button>
                {index < items.length - 1 ? (
                  <button type="button" className="primary" onClick={() => setIndex(index + 1)}>
                    {t('training.web.next')}
                  </button>
                ) : (
                  <button type="button" className="primary" disabled={busy} onClick={submit}>
                    {t('training.web.submit')}
                  </button>
                )}
              </div>
            </section>
          </div>
        </>
      )}
    </>
  )
}

function Specimen({ item }: { item: GroundItem }) {
  const { t, formatDay } = useI18n()
  const hits = [
    item.screening.documentListed && t('training.web.document_listed'),
    item.screening.personListed && t('training.web.person_listed'),
  ].filter(Boolean)
  return (
    <section className="card">
      <h2>{t(`training.kind.${item.kind}`)}</h2>
      <img
        className="specimen-page"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(item.svg)}`}
        alt={item.mrz.join(' ')}
        data-testid="specimen"
      />
      <h3>{t('training.web.mrz_read')}</h3>
      {item.read.valid ? (
        <p>{t('training.web.mrz_valid')}</p>
      ) : (
        <ul aria-label={t('training.web.mrz_errors')}>
          {item.read.errors.map((e) => (
            <li key={`${e.code}-${e.field}`}>{t(e.code)}</li>
          ))}
        </ul>
      )}
      <dl>
        {Object.entries(item.read.fields).map(([k, v]) => (
          <div key={k}>
            <dt>{t(`training.web.field.${k}`)}</dt>
            <dd translate="no">{v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v) : v}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('training.web.screening')}</h3>
      <p>{hits.length ? hits.join(' · ') : t('training.web.no_hits')}</p>
      <h3>{t('training.web.companions')}</h3>
      {item.companions.length === 0 ? (
        <p>{t('training.web.alone')}</p>
      ) : (
        <ul>
          {item.companions.map((c) => (
            <li key={c.name}>
              <span translate="no">{c.name}</span> · {t(`crossings.values.relation.${c.relation}`)} ·{' '}
              {formatDay(c.birthDate)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('training.web.story')}</h3>
      <ul>
        {item.story.map((s) => (
          <li key={s}>{t(`training.story.${s}`)}</li>
        ))}
      </ul>
    </section>
  )
}
