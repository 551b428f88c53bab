import { useI18n } from '../i18n/i18n.tsx'
import type { TimelineEntry } from './types.ts'

function useExplain() {
  const { t } = useI18n()
  return (e: TimelineEntry): string => {
    const d = e.details
    switch (e.kind) {
      case 'opened':
        return t('cases.timeline.opened')
      case 'transition':
        return t(`protection.case.events.${e.event}`)
      case 'referral':
        return e.event === 'created'
          ? t('cases.timeline.referralCreated')
          : t('cases.timeline.referral', { event: t(`protection.referral.events.${e.event}`) })
      case 'service':
        return t('cases.timeline.service', { service: t(`protection.services.${e.event}`) })
      case 'followUp':
        return t(`cases.timeline.followUp.${e.event}`, { date: String(d.dueDate ?? '') })
      // The event is the screening's outcome (`vulnerableMigrant`): its words, never the code.
      case 'identified':
        return t('cases.timeline.identified', { outcome: t(`protection.screening.outcomes.${e.event}`) })
      case 'exchange':
        // The handover's own words are the exchange's; a referral sent from the case is the case screen's.
        return t(`${e.event === 'handover_received' ? 'exchange' : 'exchange-web'}.timeline.${e.event}`, {
          partner: String(d.partner ?? ''),
          ref: String(d.threadRef ?? '—'),
        })
      default:
        return e.event
    }
  }
}

/** Everything that happened to the case, oldest first, with who did it and why. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, formatDateTime } = useI18n()
  const explain = useExplain()
  return (
    <section className="card" aria-labelledby="timeline">
      <h2 id="timeline">{t('cases.case.timeline')}</h2>
      <ol data-testid="timeline">
        {entries.map((e) => (
          <li key={e.seq}>
            <strong>{explain(e)}</strong> — {formatDateTime(e.at)}
            {e.by && ` · ${e.by}`}
            {e.to && e.from !== e.to && (
              <span className="muted"> · {t(`protection.case.states.${e.to}`)}</span>
            )}
            {typeof e.details.reason === 'string' && e.details.reason && (
              <div className="muted">{String(e.details.reason)}</div>
            )}
            {typeof e.details.note === 'string' && e.details.note && (
              <div className="muted">{String(e.details.note)}</div>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
