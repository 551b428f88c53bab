import { useI18n } from '../i18n/i18n.tsx'
import { usePostName } from '../posts/use-post-name.ts'
import { HistoryTable } from './history-table.tsx'
import type { Inspection } from './types.ts'

/** Who is at the counter and what the record says about them: document, running stay, earlier crossings. */
export function RecordPanel({ inspection: i }: { inspection: Inspection }) {
  const { t, formatDay } = useI18n()
  const p = i.traveller
  const s = i.currentStay
  // Dates day-first in the reader's digits and the post by its name, as every other screen writes them.
  const entryPost = usePostName(s?.entryPost)
  const day = (d: string | null | undefined) => (d ? formatDay(d) : '—')
  return (
    <section className="card" aria-labelledby="traveller-title" data-testid="traveller-record">
      <h2 id="traveller-title">
        {p.givenNames} {p.surname}
      </h2>
      <dl className="facts">
        <dt>{t('crossings.traveller.born')}</dt>
        <dd>{day(p.birthDate)}</dd>
        <dt>{t('crossings.traveller.nationality')}</dt>
        <dd>{p.nationality ?? '—'}</dd>
        <dt>{t('crossings.traveller.sex')}</dt>
        <dd>{p.sex ?? '—'}</dd>
        <dt>{t('crossings.traveller.document')}</dt>
        <dd>
          {i.document.issuingState} {i.document.documentNumber}
        </dd>
        <dt>{t('crossings.traveller.expiry')}</dt>
        <dd>{day(i.document.expiryDate)}</dd>
      </dl>
      <h3>{t('crossings.stay.title')}</h3>
      {s ? (
        <p data-testid="current-stay">
          {t('crossings.stay.inside', { day: formatDay(s.entryDay), post: entryPost, days: s.days })}{' '}
          {s.permittedDays !== null && t('crossings.stay.permitted', { days: s.permittedDays })}{' '}
          {s.overstayDays ? <strong>{t('crossings.stay.overstay', { days: s.overstayDays })}</strong> : null}
        </p>
      ) : (
        <p>{t('crossings.stay.none')}</p>
      )}
      {i.expectedDirection && (
        <p className="muted">
          {t('crossings.stay.expected', {
            direction: t(`crossings.values.direction.${i.expectedDirection}`),
          })}
        </p>
      )}
      <h3>{t('crossings.history.title')}</h3>
      <HistoryTable history={i.history} />
    </section>
  )
}
