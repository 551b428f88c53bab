import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import type { Hit, Message } from './types.ts'

/** One line of an explanation: the domain names the message, the catalog words it in the officer's language. */
function Line({ m }: { m: Message }) {
  const { t } = useI18n()
  return <li>{t(m.messageKey, m.params)}</li>
}

/**
 * A hit as the officer reads it: what it matched on which list, the decision and score, how each part of the
 * name matched, what qualified it, and what the owning agency asks the officer to do.
 */
export function HitCard({ hit, children }: { hit: Hit; children?: ReactNode }) {
  const { t, formatNumber, formatDay } = useI18n()
  const e = hit.explanation
  const entry = hit.entry
  const title =
    hit.kind === 'name'
      ? (e.matchedName ?? entry.names[0] ?? '')
      : `${entry.document?.issuingState ?? ''} ${entry.document?.number ?? ''}`
  return (
    <article
      className={`card hit hit-${hit.decision}`}
      aria-label={t('watchlists.hit.label', { name: title })}
    >
      <header className="hit-head">
        <h3>{title}</h3>
        <span className={`decision decision-${hit.decision}`}>
          {t(`screening.decision.${hit.decision === 'no-match' ? 'noMatch' : hit.decision}`)}
        </span>
        <span className="muted">
          {t('watchlists.hit.score', { score: formatNumber(Math.round(hit.score * 100)) })}
        </span>
      </header>
      <dl className="facts">
        <dt>{t('watchlists.hit.list')}</dt>
        <dd>
          {entry.listName} · {entry.ownerAgency}
        </dd>
        {entry.category && (
          <>
            <dt>{t('watchlists.entry.category')}</dt>
            <dd>{t(`watchlists.categories.${entry.category}`)}</dd>
          </>
        )}
        {entry.document && (
          <>
            <dt>{t('watchlists.entry.documentStatus')}</dt>
            <dd>{t(`watchlists.documentStatuses.${entry.document.status}`)}</dd>
          </>
        )}
        {entry.names.length > 1 && (
          <>
            <dt>{t('watchlists.entry.names')}</dt>
            <dd>{entry.names.join(' · ')}</dd>
          </>
        )}
        {entry.birthDate && (
          <>
            <dt>{t('watchlists.entry.birthDate')}</dt>
            <dd>{formatDay(entry.birthDate)}</dd>
          </>
        )}
        {entry.handling && (
          <>
            <dt>{t('watchlists.entry.handling')}</dt>
            <dd className="handling">{entry.handling}</dd>
          </>
        )}
      </dl>
      <h4>{t('watchlists.hit.why')}</h4>
      <ul className="explanation">
        {hit.kind === 'document' &&
          (e.exact ? (
            <li>{t('watchlists.hit.documentExact', { number: e.listedNumber ?? '' })}</li>
          ) : (
            e.messageKey && <Line m={{ messageKey: e.messageKey, params: e.params }} />
          ))}
        {e.parts?.map((m) => (
          <Line key={`${m.a}-${m.b}`} m={m} />
        ))}
        {e.unmatched?.map((m) => (
          <Line key={`u-${String(m.params?.part)}`} m={m} />
        ))}
        {e.qualifiers?.map((m) => (
          <Line key={m.kind} m={m} />
        ))}
        {e.notes?.map((m) => (
          <Line key={m.messageKey} m={m} />
        ))}
      </ul>
      {children}
    </article>
  )
}
