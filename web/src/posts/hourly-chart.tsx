import { useI18n } from '../i18n/i18n.tsx'
import type { BoardSnapshot } from './types.ts'

const W = 720
const H = 240
const PAD = { left: 36, right: 8, top: 10, bottom: 24 }

/** Entries and exits per hour of the day as paired bars, drawn by hand: 24 × 2 rectangles need no chart library. */
export function HourlyChart({ hourly }: { hourly: BoardSnapshot['hourly'] }) {
  const { t, formatNumber } = useI18n()
  const max = Math.max(1, ...hourly.flatMap((h) => [h.entries, h.exits]))
  // A round top for the scale, so the gridline labels read 0, 5, 10 … rather than 0, 7, 14.
  const step = 10 ** Math.floor(Math.log10(max))
  const top = Math.ceil(max / step) * step
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const slot = plotW / 24
  const bar = slot * 0.38
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH
  const ticks = [0, top / 2, top].filter(Number.isInteger)

  return (
    <figure>
      <svg className="board-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="hourly-title">
        <title id="hourly-title">{t('posts.board.hourly')}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d5dbe3" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        {hourly.map((h) => {
          const x = PAD.left + h.hour * slot + slot * 0.1
          return (
            <g key={h.hour}>
              <rect className="entries" x={x} y={y(h.entries)} width={bar} height={y(0) - y(h.entries)} />
              <rect className="exits" x={x + bar} y={y(h.exits)} width={bar} height={y(0) - y(h.exits)} />
              {h.hour % 3 === 0 && (
                <text x={x + bar} y={H - 6} textAnchor="middle">
                  {formatNumber(h.hour)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <ul className="board-legend">
        <li>
          <span className="entries" style={{ background: 'var(--brand)' }} />
          {t('posts.board.entries')}
        </li>
        <li>
          <span className="exits" style={{ background: 'var(--focus)' }} />
          {t('posts.board.exits')}
        </li>
      </ul>
      <table className="visually-hidden">
        <caption>{t('posts.board.hourly')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('posts.board.hour')}</th>
            <th scope="col">{t('posts.board.entries')}</th>
            <th scope="col">{t('posts.board.exits')}</th>
          </tr>
        </thead>
        <tbody>
          {hourly
            .filter((h) => h.entries + h.exits > 0)
            .map((h) => (
              <tr key={h.hour}>
                <th scope="row">{formatNumber(h.hour)}</th>
                <td>{formatNumber(h.entries)}</td>
                <td>{formatNumber(h.exits)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  )
}
