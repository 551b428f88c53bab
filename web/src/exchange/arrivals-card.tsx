import { useState } from 'react'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { Arrival } from './types.ts'

/** Today's expected arrivals from partners' return lists and agreed handovers, at the reader's post. */
export function ArrivalsCard() {
  const { t } = useI18n()
  const { can } = useSession()
  const { data, error, reload } = useFetch<{ day: string; items: Arrival[] }>('/api/exchange/arrivals')
  const [actionError, setActionError] = useState<unknown>()
  const [done, setDone] = useState<string | null>(null)
  const handover = async (a: Arrival) => {
    setActionError(undefined)
    try {
      await api('POST', `/api/exchange/arrivals/${a.id}/handover`)
      setDone(a.id)
      reload()
    } catch (e) {
      setActionError(e)
    }
  }
  return (
    <section className="card" aria-labelledby="arrivals-title" data-testid="arrivals">
      <h2 id="arrivals-title">{t('exchange.arrivals')}</h2>
      <ErrorBanner error={error ?? actionError} />
      {done && (
        <p className="banner banner-success" role="status">
          {t('exchange.handoverRecorded')}
        </p>
      )}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('exchange.noArrivals')} />
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('exchange.columns.name')}</th>
              <th>{t('exchange.columns.partner')}</th>
              <th>{t('exchange.columns.borderPoint')}</th>
              <th>{t('exchange.columns.reference')}</th>
              <th>{t('exchange.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((a) => (
              <tr key={a.id}>
                <td translate="no">{[a.givenLatin, a.familyLatin].filter(Boolean).join(' ') || '—'}</td>
                <td translate="no">{a.partner}</td>
                <td translate="no">{a.borderPoint}</td>
                <td translate="no">{a.threadRef ?? '—'}</td>
                <td>
                  {a.status === 'expected' && a.threadRef && can('exchange_arrival:update') ? (
                    <button type="button" onClick={() => handover(a)}>
                      {t('exchange.recordHandover')}
                    </button>
                  ) : (
                    t(`exchange.arrivalStatus.${a.status}`)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
