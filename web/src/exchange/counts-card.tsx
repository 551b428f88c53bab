import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'

interface Count {
  partner: string | null
  type: string | null
  direction: string
  outcome: string
  count: number
}

/**
 * The GCM objective 23 figures: messages by partner, type, direction and outcome (refusals by reason), with a bar
 * per partner so the busiest link shows at a glance; the table is the chart's accessible form.
 */
export function CountsCard() {
  const { t, formatNumber } = useI18n()
  const { data, error } = useFetch<{ items: Count[] }>('/api/exchange/counts')
  const items = data?.items ?? []
  const byPartner = new Map<string, number>()
  for (const c of items) byPartner.set(c.partner ?? '—', (byPartner.get(c.partner ?? '—') ?? 0) + c.count)
  const most = Math.max(1, ...byPartner.values())
  const typeName = (type: string | null) =>
    type ? t(`exchange.types.${type}`) : t('exchange-admin.counts.unknown')
  // Stored messages count by status; refusals (never stored) as `refused:<reason>`, from the audit log.
  const outcome = (o: string) =>
    o.startsWith('refused:')
      ? `${t('exchange.status.refused')} · ${t(`exchange.refusal.${o.slice('refused:'.length)}`, { detail: '—' })}`
      : t(`exchange.status.${o}`)
  return (
    <section className="card" aria-labelledby="counts-title" data-testid="exchange-counts">
      <h2 id="counts-title">{t('exchange-admin.counts.title')}</h2>
      <ErrorBanner error={error} />
      {data && items.length === 0 ? (
        <EmptyState title={t('exchange-admin.counts.empty')} />
      ) : (
        <>
          <h3>{t('exchange-admin.counts.byPartner')}</h3>
          <ul className="bars" aria-hidden="true">
            {[...byPartner].map(([partner, n]) => (
              <li key={partner}>
                <span translate="no">{partner}</span>{' '}
                <span
                  className="bar"
                  style={{
                    display: 'inline-block',
                    width: `${(n / most) * 60}%`,
                    background: 'currentColor',
                    height: '0.6em',
                  }}
                />{' '}
                {formatNumber(n)}
              </li>
            ))}
          </ul>
          <table>
            <thead>
              <tr>
                <th>{t('exchange-admin.counts.partner')}</th>
                <th>{t('exchange-admin.counts.type')}</th>
                <th>{t('exchange-admin.counts.direction')}</th>
                <th>{t('exchange-admin.counts.outcome')}</th>
                <th>{t('exchange-admin.counts.count')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={`${c.partner}-${c.type}-${c.direction}-${c.outcome}`}>
                  <td translate="no">{c.partner ?? '—'}</td>
                  <td>{typeName(c.type)}</td>
                  <td>{t(`exchange-admin.counts.directions.${c.direction === 'in' ? 'in' : 'out'}`)}</td>
                  <td>{outcome(c.outcome)}</td>
                  <td>{formatNumber(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
