import { useState } from 'react'
import type { Post } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { BoardArrivals } from '../exchange/board-arrivals.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { cambodiaTime } from './cambodia-time.ts'
import { HourlyChart } from './hourly-chart.tsx'
import { usePostName } from './use-post-name.ts'
import './posts.css'
import type { BoardSnapshot } from './types.ts'
import { useBoardStream } from './use-board-stream.ts'

/**
 * The live board of a post for a wall screen or a supervisor's desk: today's movements, alert-list hits waiting
 * for a decision, and entries and exits by hour, pushed by the server as they change. Staff of a post see their
 * post; national readers choose one.
 */
export function BoardPage() {
  const { t, locale } = useI18n()
  const { session } = useSession()
  const own = session?.user.postCode ?? null
  const posts = useFetch<Post[]>(own ? null : '/api/posts')
  const [chosen, setChosen] = useState<string | null>(null)
  const post = own ?? chosen ?? posts.data?.find((p) => p.active)?.code ?? null
  const { board, live, error } = useBoardStream(post)

  return (
    <>
      <div className="page-head">
        <h1>{t('posts.board.title')}</h1>
        <p className="board-status" role="status" data-testid="board-status">
          <span className="live-dot" data-live={live} aria-hidden="true" />
          {live ? t('posts.board.live') : t('posts.board.reconnecting')}
          {board && (
            <span>· {t('posts.board.updated', { time: cambodiaTime(board.updatedAt, locale) })}</span>
          )}
        </p>
      </div>
      {!own && (
        <div className="filters">
          <SelectField
            label={t('posts.board.post')}
            value={post ?? ''}
            onChange={(e) => setChosen(e.target.value)}
          >
            {posts.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {locale === 'km' ? p.nameKm : p.nameEn}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <ErrorBanner error={error ?? posts.error} />
      {!board ? <Loading /> : <Board board={board} />}
    </>
  )
}

function Board({ board }: { board: BoardSnapshot }) {
  const { t, formatNumber, formatDay, locale } = useI18n()
  const { can } = useSession()
  const postName = usePostName(board.postCode)
  const breakdown = (m: BoardSnapshot['entries']) =>
    t('posts.board.breakdown', {
      admitted: formatNumber(m.admitted),
      referred: formatNumber(m.referred),
      refused: formatNumber(m.refused),
    })
  return (
    <>
      <p className="muted">
        {postName} · {t('posts.board.today', { day: formatDay(board.day) })}
      </p>
      <ul className="tiles board-tiles" data-testid="board-tiles">
        <li className="tile" data-testid="board-entries">
          <span>{t('posts.board.entries')}</span>
          <strong>{formatNumber(board.entries.total)}</strong>
          <span>{breakdown(board.entries)}</span>
        </li>
        <li className="tile" data-testid="board-exits">
          <span>{t('posts.board.exits')}</span>
          <strong>{formatNumber(board.exits.total)}</strong>
          <span>{breakdown(board.exits)}</span>
        </li>
        <li className="tile" data-testid="board-secondary">
          <span>{t('posts.board.secondary')}</span>
          <strong>{formatNumber(board.secondary.waiting + board.secondary.inInterview)}</strong>
          <span>
            {t('posts.board.secondaryDetail', {
              waiting: formatNumber(board.secondary.waiting),
              inInterview: formatNumber(board.secondary.inInterview),
            })}
          </span>
          {board.secondary.oldestWaitingSince && (
            <span>
              {t('posts.board.oldest', { time: cambodiaTime(board.secondary.oldestWaitingSince, locale) })}
            </span>
          )}
        </li>
        <li className="tile" data-testid="board-hits">
          <span>{t('posts.board.hits')}</span>
          <strong>{formatNumber(board.hitsAwaiting)}</strong>
        </li>
        <li className="tile" data-testid="board-returnees">
          <span>{t('posts.board.returnees')}</span>
          <strong>{formatNumber(board.returneesToday)}</strong>
        </li>
      </ul>
      <section className="card">
        <h2>{t('posts.board.hourly')}</h2>
        <HourlyChart hourly={board.hourly} />
      </section>
      {can('exchange_arrival:read') && <BoardArrivals post={board.postCode} counts={board.arrivals} />}
    </>
  )
}
