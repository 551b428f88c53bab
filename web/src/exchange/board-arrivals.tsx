import { useEffect, useState } from 'react'
import { api } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { BoardArrival } from './web-types.ts'

/**
 * Today's expected arrivals on a post's board (the border officer of the post records them, after a confirmation:
 * a return list's row registers the returnee, a handover opens MoSVY's case), from partners' return lists and agreed handovers. The board's live
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
  // Recording opens a case or a registration: the officer confirms first, on the same row's data.
  const [confirming, setConfirming] = useState<{ arrival: BoardArrival; key: string } | null>(null)
  const [done, setDone] = useState<BoardArrival | null>(null)
  const signature = `${counts.expected}/${counts.arrived}`
  // biome-ignore lint/correctness/useExhaustiveDependencies: the counts' change is the reload trigger
  useEffect(() => reload(), [signature, reload])
  const nameOf = (a: BoardArrival) => [a.givenLatin, a.familyLatin].filter(Boolean).join(' ') || '—'
  const partnerOf = (a: BoardArrival) => (locale === 'km' ? a.partnerNameKm : a.partnerNameEn) ?? a.partner
  const record = async () => {
    if (!confirming) return
    const { arrival: a, key } = confirming
    setActionError(undefined)
    setBusy(a.id)
    try {
      // One key per confirmation: a retried request returns the registration already made, never a second one.
      const row =
        a.kind === 'list'
          ? await api<BoardArrival>('POST', `/api/exchange/board/arrivals/${a.id}/arrived`, {
              idempotencyKey: key,
            })
          : await api<BoardArrival>('POST', `/api/exchange/arrivals/${a.id}/handover`)
      setDone({ ...a, ...row })
      setConfirming(null)
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
      {done && (
        <div className="banner banner-ok" role="status" data-testid="board-arrival-done">
          <p>{t(`exchange-web.board.done.${done.kind}`, { name: nameOf(done) })}</p>
          {done.returneeId && (
            <Link to={`/returns?edit=${encodeURIComponent(done.returneeId)}`}>
              {t('exchange-web.board.completeRegistration')}
            </Link>
          )}
        </div>
      )}
      {confirming && (
        <div
          className="banner"
          role="alertdialog"
          aria-labelledby="board-confirm-text"
          data-testid="board-arrival-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(null)
          }}
        >
          <p id="board-confirm-text">
            {t(`exchange-web.board.confirm.${confirming.arrival.kind}`, {
              name: nameOf(confirming.arrival),
              partner: partnerOf(confirming.arrival),
            })}
          </p>
          {/* biome-ignore lint/a11y/noAutofocus: the confirmation takes the focus the officer's click left */}
          <button type="button" autoFocus disabled={busy !== null} onClick={record}>
            {t('exchange-web.board.confirmButton')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            {t('exchange-web.board.cancel')}
          </button>
        </div>
      )}
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
                <td translate="no">{nameOf(a)}</td>
                <td>{partnerOf(a)}</td>
                <td>{t(`exchange-web.board.kinds.${a.kind}`)}</td>
                <td translate="no">{a.threadRef ?? '—'}</td>
                <td>
                  {mayRecord(a) ? (
                    <button
                      type="button"
                      disabled={busy === a.id}
                      onClick={() => {
                        setDone(null)
                        setConfirming({ arrival: a, key: crypto.randomUUID() })
                      }}
                    >
                      {t(`exchange-web.board.record.${a.kind}`)}
                    </button>
                  ) : a.status === 'arrived' ? (
                    <>
                      {t('exchange-web.board.arrivedAt', {
                        time: a.arrivedAt ? formatDateTime(a.arrivedAt) : '',
                      })}
                      {a.returneeId && can('returnee:update') && (
                        <>
                          {' · '}
                          <Link to={`/returns?edit=${encodeURIComponent(a.returneeId)}`}>
                            {t('exchange-web.board.openRegistration')}
                          </Link>
                        </>
                      )}
                    </>
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
