import { useI18n } from '../i18n/i18n.tsx'
import type { GroundItem } from './types.ts'

/** One specimen as the inspection screen shows a live document: page, reader, lists, companions, story. */
export function SpecimenCard({ item }: { item: GroundItem }) {
  const { t, formatDay } = useI18n()
  const hits = [
    item.screening.documentListed && t('training.web.document_listed'),
    item.screening.personListed && t('training.web.person_listed'),
  ].filter(Boolean)
  return (
    <section className="card">
      <h2>{t(`training.kind.${item.kind}`)}</h2>
      <img
        className="specimen-page"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(item.svg)}`}
        alt={item.mrz.join(' ')}
        data-testid="specimen"
      />
      <h3>{t('training.web.mrz_read')}</h3>
      {item.read.valid ? (
        <p>{t('training.web.mrz_valid')}</p>
      ) : (
        <ul aria-label={t('training.web.mrz_errors')}>
          {item.read.errors.map((e) => (
            <li key={`${e.code}-${e.field}`}>{t(e.code, e.params)}</li>
          ))}
        </ul>
      )}
      <dl>
        {Object.entries(item.read.fields).map(([k, v]) => (
          <div key={k}>
            <dt>{t(`training.web.field.${k}`)}</dt>
            <dd translate="no">{v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v) : v}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('training.web.screening')}</h3>
      <p>{hits.length ? hits.join(' · ') : t('training.web.no_hits')}</p>
      <h3>{t('training.web.companions')}</h3>
      {item.companions.length === 0 ? (
        <p>{t('training.web.alone')}</p>
      ) : (
        <ul>
          {item.companions.map((c) => (
            <li key={c.name}>
              <span translate="no">{c.name}</span> · {t(`crossings.values.relation.${c.relation}`)} ·{' '}
              {formatDay(c.birthDate)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('training.web.story')}</h3>
      <ul>
        {item.story.map((s) => (
          <li key={s}>{t(`training.story.${s}`)}</li>
        ))}
      </ul>
    </section>
  )
}
