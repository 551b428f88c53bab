import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner, Loading } from '../ui/feedback.tsx'
import { Countdown } from './countdown.tsx'
import { ScoreView } from './score-view.tsx'
import { SpecimenCard } from './specimen-card.tsx'
import { setTrainingMode } from './training-mode.ts'
import {
  type Attempt,
  DEFECT_CODES,
  type DefectCode,
  type ExerciseScore,
  type OpenedDocument,
} from './types.ts'
import './training.css'

// Keyboard-first, as at a counter: 1…9 then 0 tick the defects in the order they are listed.
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']

/**
 * The training ground at the counter's pace: one generated specimen at a time, handed out by the server when
 * opened (its clock starts then), with what the inspection screen would show, a countdown, the trainee's
 * findings answered once, then the next document; after the last, the score.
 */
export function GroundPage() {
  const { t } = useI18n()
  const exerciseId = new URLSearchParams(window.location.search).get('exercise')
  const [attempt, setAttempt] = useState<Attempt>()
  const [doc, setDoc] = useState<OpenedDocument>()
  const [error, setError] = useState<unknown>()
  const [findings, setFindings] = useState<DefectCode[]>([])
  const [score, setScore] = useState<ExerciseScore | null>(null)
  const [key] = useState(newIdempotencyKey)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)

  const open = useCallback(async (a: Attempt, index: number) => {
    const d = await api<OpenedDocument>('POST', `/api/training/attempts/${a.attemptId}/documents/${index}`)
    setDoc(d)
    setFindings([])
  }, [])

  const submit = useCallback(
    async (a: Attempt) => {
      const r = await api<{ score: ExerciseScore }>(
        'POST',
        `/api/training/attempts/${a.attemptId}/submission`,
        {
          body: {},
          idempotencyKey: key,
        },
      )
      setScore(r.score)
    },
    [key],
  )

  useEffect(() => {
    setTrainingMode(true)
    if (!exerciseId) return
    api<Attempt>('POST', `/api/training/exercises/${encodeURIComponent(exerciseId)}/attempts`)
      .then(async (a) => {
        setAttempt(a)
        setScore(a.score)
        // Resuming: the next document not yet answered (its clock kept running), or the submission left undone.
        if (a.submitted) return
        if (a.answered < a.size) await open(a, a.answered)
        else await submit(a)
      })
      .catch(setError)
  }, [exerciseId, open, submit])

  // The findings take the keyboard as soon as a document is shown.
  useEffect(() => {
    if (doc) form.current?.focus()
  }, [doc])

  if (!attempt) return error ? <ErrorBanner error={error} /> : <Loading />
  const toggle = (d: DefectCode) => setFindings((f) => (f.includes(d) ? f.filter((x) => x !== d) : [...f, d]))
  const answer = async () => {
    if (!doc || busy) return
    setBusy(true)
    setError(undefined)
    try {
      const path = `/api/training/attempts/${attempt.attemptId}/documents/${doc.index}/answer`
      await api('PUT', path, { body: { findings } })
      if (doc.index + 1 < doc.total) await open(attempt, doc.index + 1)
      else await submit(attempt)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const onKey = (ev: KeyboardEvent) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return
    const i = KEYS.indexOf(ev.key)
    if (i >= 0 && DEFECT_CODES[i]) {
      ev.preventDefault()
      toggle(DEFECT_CODES[i])
    } else if (ev.key === 'Enter') {
      ev.preventDefault()
      void answer()
    }
  }
  const last = doc ? doc.index + 1 === doc.total : false

  return (
    <>
      <div className="page-head">
        <h1 translate="no">{attempt.exercise.title}</h1>
      </div>
      <ErrorBanner error={error} />
      {score ? (
        <ScoreView score={score} />
      ) : !doc ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{t('training.web.document', { n: doc.index + 1, total: doc.total })}</p>
          <Countdown key={doc.index} deadline={doc.deadline} serverNow={doc.serverNow} />
          <div className="ground-grid">
            <SpecimenCard item={doc} />
            <form
              ref={form}
              tabIndex={-1}
              className="card findings"
              aria-label={t('training.web.findings')}
              onKeyDown={onKey}
              onSubmit={(ev) => {
                ev.preventDefault()
                void answer()
              }}
            >
              <h2>{t('training.web.findings')}</h2>
              <p className="muted">{t('training.web.keys_hint')}</p>
              {DEFECT_CODES.map((d, i) => (
                <label key={d} className="checkbox">
                  <input type="checkbox" checked={findings.includes(d)} onChange={() => toggle(d)} />{' '}
                  <kbd>{KEYS[i]}</kbd> {t(`training.defect.${d}.name`)}
                </label>
              ))}
              {findings.length === 0 && <p className="muted">{t('training.web.no_findings')}</p>}
              <div className="actions">
                <button type="submit" className="primary" disabled={busy}>
                  {last ? t('training.web.submit') : t('training.web.answer_next')}
                </button>
              </div>
            </form>
          </div>
        </>
      )}
    </>
  )
}
