import { useEffect, useRef, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EvaluationResult } from '../risk/evaluation-result.tsx'
import '../screening/screening.css'
import { HitCard } from '../screening/hit-card.tsx'
import { ErrorBanner, Loading } from '../ui/feedback.tsx'
import { HistoryTable } from './history-table.tsx'
import { SecondaryExaminations } from './secondary-examinations.tsx'
import { SecondaryNotes } from './secondary-notes.tsx'
import { SecondaryOutcomeForm } from './secondary-outcome-form.tsx'
import type { SecondaryDetail } from './types.ts'

/** Whole minutes of a dwell time, as the queue and the inspection show it. */
export const minutes = (seconds: number | null) => (seconds === null ? '—' : String(Math.floor(seconds / 60)))

/**
 * One referral: why the traveller was sent here (the referring note, the alert-list hits, the risk reasons), the
 * interview, and the outcome. Escape returns to the queue.
 */
export function SecondaryInspection({ id, onClose }: { id: string; onClose(): void }) {
  const { t, formatDateTime } = useI18n()
  const { session, can } = useSession()
  const [s, setS] = useState<SecondaryDetail | null>(null)
  const [error, setError] = useState<unknown>()
  const takeButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    api<SecondaryDetail>('GET', `/api/crossings/secondary/${id}`).then(setS, setError)
  }, [id])
  useEffect(() => {
    // Escape in a text box would lose what is being written; from anywhere else it returns to the queue.
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement
      if (e.key === 'Escape' && !e.defaultPrevented && !typing) onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  const take = async () => {
    setError(undefined)
    try {
      setS(
        await api<SecondaryDetail>('POST', `/api/crossings/secondary/${id}/take`, {
          idempotencyKey: newIdempotencyKey(),
        }),
      )
    } catch (err) {
      setError(err)
    }
  }

  // Opened from the queue with Enter, the next key press takes the traveller into interview.
  const waiting = s?.state === 'waiting'
  useEffect(() => {
    if (waiting) takeButton.current?.focus()
  }, [waiting])

  if (!s) return error ? <ErrorBanner error={error} /> : <Loading />
  const mayDecide = can('secondary_inspection:approve')
  const mine = s.takenBy === session?.user.username
  const canTake = s.state === 'waiting' || (s.state === 'in_interview' && !mine && mayDecide)

  return (
    <div className="inspection" data-testid="secondary-inspection">
      <div className="page-head">
        <h1>
          {t('crossings.secondary.title')}: {s.traveller.name}
        </h1>
        <button type="button" onClick={onClose}>
          {t('crossings.secondary.back')} <kbd>Esc</kbd>
        </button>
      </div>
      <ErrorBanner error={error} />
      <section className="card" aria-labelledby="why-title">
        <h2 id="why-title">{t('crossings.secondary.why')}</h2>
        <p>
          {t(`crossings.values.direction.${s.direction}`)} · {s.traveller.nationality ?? '—'} ·{' '}
          {s.traveller.birthDate ?? '—'} · {t('crossings.secondary.referredBy')}: {s.referredBy},{' '}
          {formatDateTime(s.referredAt)}
        </p>
        <blockquote>{s.referralNote || t('crossings.secondary.noNote')}</blockquote>
        <p className="muted">
          {t('crossings.secondary.dwell', {
            waiting: minutes(s.dwell.waitingSeconds),
            interview: minutes(s.dwell.interviewSeconds),
            total: minutes(s.dwell.totalSeconds),
          })}
        </p>
        {s.state === 'in_interview' && s.takenBy && s.takenAt && (
          <p>{t('crossings.secondary.takenBy', { user: s.takenBy, time: formatDateTime(s.takenAt) })}</p>
        )}
        {s.state === 'decided' && s.outcome && (
          <p className="banner banner-ok" role="status">
            {t('crossings.secondary.decided', {
              user: s.decidedBy ?? '',
              outcome: t(`crossings.values.outcome.${s.outcome}`),
            })}
          </p>
        )}
        {canTake && (
          <div className="actions">
            <button type="button" className="primary" onClick={take} ref={takeButton}>
              {t(s.state === 'waiting' ? 'crossings.secondary.take' : 'crossings.secondary.takeOver')}
            </button>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="secondary-hits" data-testid="secondary-hits">
        <h2 id="secondary-hits">{t('crossings.secondary.hits')}</h2>
        {s.hits.length === 0 ? (
          <p>{t('crossings.secondary.noHits')}</p>
        ) : (
          s.hits.map((h) => <HitCard key={h.id} hit={h} />)
        )}
      </section>
      {s.risk ? (
        <EvaluationResult evaluation={s.risk} />
      ) : (
        <p className="card">{t('crossings.secondary.noRisk')}</p>
      )}
      <SecondaryNotes detail={s} onChange={setS} />
      <SecondaryExaminations detail={s} onChange={setS} />
      {s.state === 'in_interview' && mayDecide && <SecondaryOutcomeForm detail={s} onDecided={setS} />}
      {s.state === 'in_interview' && !mayDecide && (
        <p className="card hint">{t('crossings.secondary.decideHint')}</p>
      )}
      <section className="card" aria-labelledby="secondary-history">
        <h2 id="secondary-history">{t('crossings.secondary.history')}</h2>
        <HistoryTable history={s.history} />
      </section>
    </div>
  )
}
