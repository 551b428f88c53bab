import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { Message } from './types.ts'

/** The inbox or the outbox: what travelled (field names, never content), its status and its delivery attempts. */
export function MessagesCard({ direction }: { direction: 'in' | 'out' }) {
  const { t, formatDateTime, formatNumber } = useI18n()
  const { data, error } = useFetch<{ items: Message[] }>(
    `/api/exchange/messages?direction=${direction}&limit=50`,
  )
  const title = direction === 'in' ? t('exchange.inbox') : t('exchange.outbox')
  return (
    <section className="card" aria-label={title} data-testid={`messages-${direction}`}>
      <h2>{title}</h2>
      <ErrorBanner error={error} />
      {data && data.items.length === 0 ? (
        <EmptyState title={t('exchange.noMessages')} />
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('exchange.columns.sent')}</th>
              <th>{t('exchange.columns.partner')}</th>
              <th>{t('exchange.columns.type')}</th>
              <th>{t('exchange.columns.reference')}</th>
              <th>{t('exchange.columns.status')}</th>
              <th>{t('exchange.columns.attempts')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((m) => (
              <tr key={`${m.direction}-${m.id}`}>
                <td>{formatDateTime(m.sentAt)}</td>
                <td translate="no">{m.partner}</td>
                <td>{t(`exchange.types.${m.type}`)}</td>
                <td translate="no">{m.threadRef ?? '—'}</td>
                <td>
                  {t(`exchange.status.${m.status}`)}
                  {m.status === 'refused' && m.lastError && (
                    <small> · {t(`exchange.refusal.${m.lastError}`, { detail: '' })}</small>
                  )}
                </td>
                <td>{formatNumber(m.attempts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
