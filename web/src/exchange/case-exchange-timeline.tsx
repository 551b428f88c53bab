import { useState } from 'react'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import type { CaseExchange, CaseExchangeMessage } from './web-types.ts'

const shown = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v))

/**
 * What was exchanged about the case, oldest first: each message sent or received on its threads with its time,
 * partner, agreement and outcome (receipt, refusal), and the handover. A received message's content opens on
 * request only, through the audited read.
 */
export function CaseExchangeTimeline({ data, error }: { data?: CaseExchange; error?: unknown }) {
  const { t, locale, formatDateTime, formatDay } = useI18n()
  const [opened, setOpened] = useState<Record<string, Record<string, unknown>>>({})
  const [readError, setReadError] = useState<unknown>()
  const open = async (m: CaseExchangeMessage) => {
    setReadError(undefined)
    try {
      const r = await api<{ content: Record<string, unknown> }>('GET', `/api/exchange/messages/in/${m.id}`)
      setOpened((o) => ({ ...o, [m.id]: r.content }))
    } catch (e) {
      setReadError(e)
    }
  }
  const empty = data && data.messages.length === 0 && data.arrivals.length === 0
  return (
    <section className="card" aria-labelledby="case-exchange-timeline" data-testid="case-exchange-timeline">
      <h2 id="case-exchange-timeline">{t('exchange-web.timeline.title')}</h2>
      <ErrorBanner error={error ?? readError} />
      {empty && <EmptyState title={t('exchange-web.timeline.none')} />}
      <ol>
        {data?.messages.map((m) => (
          <li key={`${m.direction}-${m.id}`} data-direction={m.direction} data-type={m.type}>
            <strong>
              {t(`exchange-web.timeline.${m.direction}`, {
                type: t(`exchange.types.${m.type}`),
                partner: (locale === 'km' ? m.partnerNameKm : m.partnerNameEn) ?? m.partner,
              })}
            </strong>{' '}
            — {formatDateTime(m.sentAt)}
            <div className="muted">
              {/* The agreement's title is a proper name, in the language it was signed in. */}
              <span lang="en">{m.agreementTitle ?? m.agreement}</span>{' '}
              {m.legal && `(${formatDay(m.legal.date)})`} · <span translate="no">{m.threadRef}</span>
            </div>
            <div>
              {t(`exchange.status.${m.status}`)}
              {m.direction === 'out' && m.receipted && ` · ${t('exchange-web.timeline.receipt')}`}
              {m.status === 'refused' && m.lastError && (
                <> · {t(`exchange.refusal.${m.lastError}`, { detail: '' })}</>
              )}
            </div>
            {m.direction === 'in' &&
              (opened[m.id] ? (
                <dl className="facts" data-testid="exchange-content">
                  {Object.entries(opened[m.id] ?? {}).map(([f, v]) => (
                    <div key={f}>
                      <dt>{t(`exchange-web.fields.${f}`)}</dt>
                      <dd translate="no">{shown(v)}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <button type="button" onClick={() => open(m)}>
                  {t('exchange-web.timeline.open')}
                </button>
              ))}
          </li>
        ))}
        {data?.arrivals.map((a) => (
          <li key={a.id} data-type="handover">
            <strong>
              {a.status === 'arrived'
                ? t('exchange-web.timeline.handedOver', { point: a.borderPoint })
                : t('exchange-web.timeline.handoverExpected', {
                    point: a.borderPoint,
                    day: formatDay(a.expectedOn),
                  })}
            </strong>
            {a.arrivedAt && <> — {formatDateTime(a.arrivedAt)}</>}
          </li>
        ))}
      </ol>
    </section>
  )
}
