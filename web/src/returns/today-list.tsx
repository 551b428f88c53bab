import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState } from '../ui/feedback.tsx'
import { displayName, type Province, type Returnee } from './types.ts'

/** Today's registrations at the post, newest first; a row can be loaded back into the form to correct it. */
export function TodayList({
  items,
  total,
  provinces,
  onEdit,
  canEdit,
}: {
  items: Returnee[]
  total: number
  provinces: Province[]
  onEdit(r: Returnee): void
  canEdit: boolean
}) {
  const { t, locale, formatNumber, formatTime, formatDay } = useI18n()
  const province = (code: string | null) => {
    const p = provinces.find((x) => x.code === code)
    return p ? (locale === 'km' ? p.nameKm : p.nameEn) : '—'
  }
  const time = (iso: string) => formatTime(iso)
  return (
    <section className="card" aria-labelledby="today-title" data-testid="today">
      <h2 id="today-title">{t('returns.today.title', { count: formatNumber(total) })}</h2>
      {items.length === 0 ? (
        <EmptyState title={t('returns.today.empty')} />
      ) : (
        <table className="returns-table">
          <thead>
            <tr>
              <th>{t('returns.today.time')}</th>
              <th>{t('returns.today.name')}</th>
              <th>{t('returns.form.sex')}</th>
              <th>{t('returns.form.born')}</th>
              <th>{t('returns.form.returnProvince')}</th>
              <th>{t('returns.form.flags')}</th>
              <th>{t('returns.form.needs')}</th>
              <th>{t('returns.today.referral')}</th>
              {canEdit && <th />}
            </tr>
          </thead>
          <tbody>
            {items.map((r) => {
              const proposed =
                !r.referralId &&
                r.triageFlags.some((f) => f === 'unaccompanied_child' || f === 'trafficking_indicators')
              return (
                <tr key={r.id}>
                  <td>{time(r.registeredAt)}</td>
                  <td lang={r.familyKhmer || r.givenKhmer ? 'km' : undefined}>
                    <span translate="no">{displayName(r)}</span>
                    {r.hasPhoto && <small className="hint"> · {t('returns.today.hasPhoto')}</small>}
                  </td>
                  <td>{r.sex ? t(`returns.sex.${r.sex}`) : '—'}</td>
                  <td>
                    {(r.birthDate && formatDay(r.birthDate)) ??
                      (r.estimatedAge === null
                        ? '—'
                        : t('returns.today.age', { age: formatNumber(r.estimatedAge) }))}
                  </td>
                  <td>{province(r.returnProvince)}</td>
                  <td>{r.triageFlags.map((f) => t(`returns.flags.${f}`)).join(', ') || '—'}</td>
                  <td>{r.needs.map((n) => t(`returns.needs.${n}`)).join(', ') || '—'}</td>
                  <td className={proposed ? 'flag-proposed' : undefined}>
                    {r.referralId
                      ? t('returns.today.referred')
                      : proposed
                        ? t('returns.today.proposed')
                        : '—'}
                  </td>
                  {canEdit && (
                    <td>
                      <button type="button" onClick={() => onEdit(r)}>
                        {t('returns.today.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
