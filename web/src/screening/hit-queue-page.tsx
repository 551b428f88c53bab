import { useState } from 'react'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { usePostNames } from '../posts/use-post-name.ts'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useForm } from '../ui/form.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { HitCard } from './hit-card.tsx'
import { NotificationsPanel } from './notifications-panel.tsx'
import './screening.css'
import type { Hit } from './types.ts'

const OUTCOMES = ['true_match', 'false_positive', 'needs_investigation'] as const
const FILTERS = ['pending', 'decided', 'all'] as const

function AdjudicationForm({ hit, onDone }: { hit: Hit; onDone(): void }) {
  const { t } = useI18n()
  const f = useForm({
    outcome: hit.status === 'needs_investigation' ? 'true_match' : 'needs_investigation',
    reason: '',
  })
  const submit = f.submit(async () => {
    await api('POST', `/api/screening/hits/${hit.id}/adjudication`, { body: f.values })
    onDone()
  })
  const choices = OUTCOMES.filter(
    (o) => !(hit.status === 'needs_investigation' && o === 'needs_investigation'),
  )
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <ErrorBanner error={f.bannerError()} />
      <SelectField label={t('watchlists.queue.outcome')} value={f.values.outcome} onChange={f.set('outcome')}>
        {choices.map((o) => (
          <option key={o} value={o}>
            {t(`watchlists.status.${o}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('watchlists.common.reason')}
        required
        value={f.values.reason}
        onChange={f.set('reason')}
        error={f.fieldError('reason')}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t('watchlists.queue.decide')}
        </button>
      </div>
    </form>
  )
}

/** The supervisors' queue: hits raised at their post (or on their agency's lists) waiting for a decision. */
export function HitQueuePage() {
  const { t, formatDateTime } = useI18n()
  const postName = usePostNames()
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('pending')
  const hits = useFetch<{ items: Hit[] }>(`/api/screening/hits?status=${filter}`)
  const { can } = useSession()
  return (
    <>
      <div className="page-head">
        <h1>{t('watchlists.nav.queue')}</h1>
      </div>
      {can('watchlist:update') && <NotificationsPanel />}
      <h2>{t('watchlists.queue.hits')}</h2>
      <div className="filters">
        <SelectField
          label={t('watchlists.queue.show')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as typeof filter)}
        >
          {FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`watchlists.queue.filters.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorBanner error={hits.error} />
      {hits.loading && !hits.data ? (
        <Loading />
      ) : hits.data?.items.length === 0 ? (
        <EmptyState title={t('watchlists.queue.empty')} />
      ) : (
        hits.data?.items.map((h) => (
          <HitCard key={h.id} hit={h}>
            <p className="muted">
              {t('watchlists.queue.raised', {
                at: formatDateTime(h.createdAt),
                post: h.postCode ? postName(h.postCode) : h.agencyCode,
              })}{' '}
              · {t(`watchlists.status.${h.status}`)}
            </p>
            {h.adjudication && (
              <p>{t('watchlists.queue.decidedBecause', { reason: h.adjudication.reason })}</p>
            )}
            {(h.status === 'open' || h.status === 'needs_investigation') && (
              <AdjudicationForm hit={h} onDone={hits.reload} />
            )}
          </HitCard>
        ))
      )}
    </>
  )
}
