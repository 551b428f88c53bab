import { useI18n } from '../i18n/i18n.tsx'
import type { Crossing } from './types.ts'

/** A traveller's latest movements, newest first, as primary and secondary inspection both show them. */
export function HistoryTable({ history }: { history: Crossing[] }) {
  const { t } = useI18n()
  if (history.length === 0) return <p>{t('crossings.history.empty')}</p>
  return (
    <table>
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
            <td>{c.crossedOn}</td>
            <td>{c.postCode}</td>
            <td>{t(`crossings.values.direction.${c.direction}`)}</td>
            <td>{t(`crossings.values.decision.${c.decision}`)}</td>
            <td>{c.stayDays ?? '—'}</td>
            <td>{c.flags.map((f) => t(`crossings.values.flag.${f}`)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
