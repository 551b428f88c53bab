import { useI18n } from '../i18n/i18n.tsx'
import { usePostName } from '../posts/use-post-name.ts'
import type { Crossing } from './types.ts'

/** The post's name in the reader's language, never its code (one shared list of posts serves every row). */
function PostName({ code }: { code: string }) {
  return <>{usePostName(code)}</>
}

/**
 * A traveller's latest movements, newest first, as primary and secondary inspection both show them. The `data`
 * table style gives each column its padding and rule: without it the English headings ran together.
 */
export function HistoryTable({ history }: { history: Crossing[] }) {
  const { t, formatDay, formatNumber } = useI18n()
  if (history.length === 0) return <p>{t('crossings.history.empty')}</p>
  return (
    <table className="data" data-testid="crossing-history">
      <thead>
        <tr>
          <th>{t('crossings.history.day')}</th>
          <th>{t('crossings.history.post')}</th>
          <th>{t('crossings.history.direction')}</th>
          <th>{t('crossings.history.decision')}</th>
          <th>{t('crossings.history.stay')}</th>
          <th>{t('crossings.history.flags')}</th>
        </tr>
      </thead>
      <tbody>
        {history.slice(0, 10).map((c) => (
          <tr key={c.id}>
            <td>{formatDay(c.crossedOn)}</td>
            <td>
              <PostName code={c.postCode} />
            </td>
            <td>{t(`crossings.values.direction.${c.direction}`)}</td>
            <td>{t(`crossings.values.decision.${c.decision}`)}</td>
            <td>{c.stayDays === null ? '—' : formatNumber(c.stayDays)}</td>
            <td>{c.flags.map((f) => t(`crossings.values.flag.${f}`)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
