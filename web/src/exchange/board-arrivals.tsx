import { useEffect, useState } from 'react'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { BoardArrival } from './web-types.ts'

/**
 * Today's expected arrivals on a post's board, from partners' return lists and agreed handovers. The board's live
 * snapshot carries their counts, so a new list or an arrival recorded elsewhere reloads this list at once; the
 * names themselves are fetched only by those who may see them.
 */
export function BoardArrivals({
  post,
  counts,
}: {
  post: string
  counts: { expected: number; arrived: number }
}) {
  const { t, locale, formatNumber, formatDateTime } = useI18n()
  const { can } = useSession()
  const { data, error, reload } = useFetch<{ day: string; items: BoardArrival[] }>(
    `/api/exchange/board/${encodeURIComponent(post)}/arrivals`,
  )
  const [actionError, setActionError] = useState<unknown>()
  const [busy, setBusy] = useState<string | null>(null)
  const signature = `${counts.expected}/${counts.arrived}`
  // biome-ignore lint/correctness/useExhaustiveDependencies: the counts' change is the reload trigger
  useEffect(() => reload(), [signature, reload])
  const record = async (a: BoardArrival) => {
    setActionError(undefined)
    setBusy(a.id)
    try {
      if (a.kind === 'list') await api('POST', `/api/exchange/board/arrivals/${a.id}/arrived`)
      else await api('POST', `/api/exchange/arrivals/${a.id}/handover`)
      reload()
    } catch (e) {
      setActionError(e)
    } finally {
      setBusy(null)
    }
  }
  const mayRecord = (a: BoardArrival) =>
    a.status === 'expected' && (a.kind === 'list' ? can('returnee:update') : can('exchange_arrival:update'))
  return (
    <section className="card" aria-labelledby="board-arrivals-title" data-testid="board-arrivals">
      <h2 id="board-arrivals-title">
        {t('exchange-web.board.title')}{' '}
        <small className="muted">
          {t('exchange-web.board.counts', {
            expected: formatNumber(counts.expected),
            arrived: formatNumber(counts.arrived),
          })}
        </small>
      </h2>
      <ErrorBanner error={error ?? actionError} />
      {data && data.items.length === 0 ? (
        <EmptyState title={t('exchange-web.board.none')} />
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('exchange-web.board.name')}</th>
              <th>{t('exchange-web.board.partner')}</th>
              <th>{t('exchange-web.board.kind')}</th>
              <th>{t('exchange-web.board.reference')}</th>
              <th>{t('exchange-web.board.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((a) => (
              <tr key={a.id} data-arrival={a.id} data-status={a.status}>
                <td translate="no">{[a.givenLatin, a.familyLatin].filter(Boolean).join(' ') || '—'}</td>
                <td>{(locale === 'km' ? a.partnerNameKm : a.partnerNameEn) ?? a.partner}</td>
                <td>{t(`exchange-web.board.kinds.${a.kind}`)}</td>
                <td translate="no">{a.threadRef ?? '—'}</td>
                <td>
                  {mayRecord(a) ? (
                    <button type="button" disabled={busy === a.id} onClick={() => record(a)}>
                      {t(`exchange-web.board.record.${a.kind}`)}
                    </button>
                  ) : a.status === 'arrived' ? (
                    t('exchange-web.board.arrivedAt', {
                      time: a.arrivedAt ? formatDateTime(a.arrivedAt) : '',
                    })
                  ) : (
                    t(`exchange-web.board.waiting.${a.kind}`)
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
