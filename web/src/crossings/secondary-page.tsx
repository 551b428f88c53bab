import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import './crossings.css'
import { minutes, SecondaryInspection } from './secondary-inspection.tsx'
import type { SecondaryItem } from './types.ts'

/** How often the queue refreshes by itself: travellers are referred from the counters all the time. */
const REFRESH_MS = 15_000

/**
 * Secondary inspection at the officer's post: the queue, oldest first with how long each traveller has waited, and
 * the inspection of the one chosen. Keyboard-first: arrows move through the queue, Enter opens, Escape returns.
 */
export function SecondaryPage() {
  const { t, formatDateTime } = useI18n()
  const queue = useFetch<{ items: SecondaryItem[] }>('/api/crossings/secondary')
  const [open, setOpen] = useState<string | null>(null)
  const rows = useRef<(HTMLButtonElement | null)[]>([])
  const { reload } = queue

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])
  // The oldest traveller is focused when the queue opens or a new one comes first: Enter opens them.
  const firstId = queue.data?.items[0]?.id
  useEffect(() => {
    if (open === null && firstId) rows.current[0]?.focus()
  }, [open, firstId])

  if (open)
    return (
      <SecondaryInspection
        id={open}
        onClose={() => {
          setOpen(null)
          reload()
        }}
      />
    )

  const items = queue.data?.items ?? []
  const move = (e: KeyboardEvent, index: number) => {
    const next = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : null
    if (next === null) return
    e.preventDefault()
    rows.current[Math.max(0, Math.min(items.length - 1, next))]?.focus()
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('crossings.secondary.title')}</h1>
        <button type="button" onClick={reload}>
          {t('crossings.secondary.refresh')}
        </button>
      </div>
      <ErrorBanner error={queue.error} />
      {!queue.data ? (
        queue.error ? null : (
          <Loading />
        )
      ) : items.length === 0 ? (
        <EmptyState title={t('crossings.secondary.empty')} />
      ) : (
        <section className="card" aria-labelledby="queue-title">
          <h2 id="queue-title">{t('crossings.secondary.queue')}</h2>
          <p className="hint">{t('crossings.secondary.keys')}</p>
          <ol className="secondary-queue" data-testid="secondary-queue">
            {items.map((s, index) => (
              <li key={s.id}>
                <button
                  type="button"
                  ref={(el) => {
                    rows.current[index] = el
                  }}
                  onClick={() => setOpen(s.id)}
                  onKeyDown={(e) => move(e, index)}
                >
                  <strong>{s.traveller.name}</strong>
                  <span>{s.traveller.nationality ?? '—'}</span>
                  <span>{t(`crossings.values.direction.${s.direction}`)}</span>
                  <span>
                    {t('crossings.secondary.referredBy')}: {s.referredBy}, {formatDateTime(s.referredAt)}
                  </span>
                  <span>{t(`crossings.values.secondaryState.${s.state}`)}</span>
                  <span className="dwell">
                    {t('crossings.secondary.waiting')}:{' '}
                    {t('crossings.secondary.minutes', { minutes: minutes(s.dwell.totalSeconds) })}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  )
}
