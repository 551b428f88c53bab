import { useState } from 'react'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { usePostNames } from '../posts/use-post-name.ts'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { HitCard } from './hit-card.tsx'
import type { Hit } from './types.ts'

interface Notification {
  id: string
  createdAt: string
  readAt: string | null
  hit: Hit
}

/** Confirmed hits on the agency's own entries: the owning agency's alert that its person was found. */
export function NotificationsPanel() {
  const { t, formatDateTime } = useI18n()
  const postName = usePostNames()
  const notes = useFetch<Notification[]>('/api/screening/notifications?unread=true')
  const [error, setError] = useState<unknown>()
  const markRead = async (id: string) => {
    try {
      await api('POST', `/api/screening/notifications/${id}/read`)
      notes.reload()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <section aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('watchlists.notifications.title')}</h2>
      <ErrorBanner error={error ?? notes.error} />
      {notes.data?.length === 0 && <EmptyState title={t('watchlists.notifications.empty')} />}
      {notes.data?.map((n) => (
        <HitCard key={n.id} hit={n.hit}>
          <p className="muted">
            {t('watchlists.notifications.confirmed', {
              at: formatDateTime(n.hit.adjudication?.at ?? n.createdAt),
              post: n.hit.postCode ? postName(n.hit.postCode) : n.hit.agencyCode,
            })}
          </p>
          {n.hit.adjudication && (
            <p>{t('watchlists.queue.decidedBecause', { reason: n.hit.adjudication.reason })}</p>
          )}
          <button type="button" onClick={() => markRead(n.id)}>
            {t('watchlists.notifications.markRead')}
          </button>
        </HitCard>
      ))}
    </section>
  )
}
