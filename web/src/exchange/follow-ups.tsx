import { type FormEvent, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import type { ApiResult, Item } from '../api/contract.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'

type FollowUp = Item<ApiResult<'/api/exchange/follow-ups', 'GET'>['items']>

const CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const
const keyOf = (f: FollowUp) => `${f.threadRef}:${f.month}`

/** The SOP's reintegration reports owed to partners, overdue first, each with the form to write it. */
export function FollowUpsCard() {
  const { t, formatDay, formatNumber } = useI18n()
  const { data, error, reload } = useFetch<{ today: string; items: FollowUp[] }>('/api/exchange/follow-ups')
  const [writing, setWriting] = useState<string | null>(null)
  const rows = [...(data?.items ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn))
  return (
    <section className="card" aria-labelledby="fu-title" data-testid="follow-ups">
      <h2 id="fu-title">{t('exchange-admin.followUps.title')}</h2>
      <ErrorBanner error={error} />
      {data && rows.length === 0 ? (
        <EmptyState title={t('exchange-admin.followUps.empty')} />
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('exchange-admin.followUps.person')}</th>
              <th>{t('exchange-admin.followUps.partner')}</th>
              <th>{t('exchange-admin.followUps.reference')}</th>
              <th>{t('exchange-admin.followUps.handedOver')}</th>
              <th>{t('exchange-admin.followUps.month')}</th>
              <th>{t('exchange-admin.followUps.due')}</th>
              <th>{t('exchange-admin.followUps.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={keyOf(f)} data-status={f.status}>
                <td translate="no">{`${f.givenLatin ?? ''} ${f.familyLatin ?? ''}`.trim() || '—'}</td>
                <td translate="no">{f.partner}</td>
                <td translate="no">{f.threadRef}</td>
                <td>{formatDay(f.handedOverOn)}</td>
                <td>{t('exchange-admin.followUps.months', { month: formatNumber(f.month) })}</td>
                <td>{formatDay(f.dueOn)}</td>
                <td>{t(`exchange-admin.followUps.statuses.${f.status}`)}</td>
                <td>
                  {f.caseId && (
                    <a href={`/protection/case?id=${f.caseId}`}>{t('exchange-admin.followUps.case')}</a>
                  )}{' '}
                  {f.status !== 'done' && (
                    <button
                      type="button"
                      aria-expanded={writing === keyOf(f)}
                      onClick={() => setWriting(keyOf(f))}
                    >
                      {t('exchange-admin.followUps.write')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows
        .filter((f) => keyOf(f) === writing)
        .map((f) => (
          <ReportForm key={keyOf(f)} item={f} onSent={reload} />
        ))}
    </section>
  )
}

function ReportForm({ item, onSent }: { item: FollowUp; onSent(): void }) {
  const { t, formatNumber } = useI18n()
  const [status, setStatus] = useState<string>('FollowUp')
  const [summary, setSummary] = useState('')
  const [error, setError] = useState<unknown>()
  const [sent, setSent] = useState(false)
  const [key] = useState(newIdempotencyKey)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    try {
      await api('POST', '/api/exchange/messages', {
        idempotencyKey: key,
        body: {
          agreement: item.agreement,
          type: 'repatriation.follow_up',
          threadRef: item.threadRef,
          content: { xch_FollowUpMonth: item.month, cas_Status: status, xch_FollowUpSummary: summary },
        },
      })
      setSent(true)
      onSent()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <form onSubmit={submit} data-testid="follow-up-form" aria-label={t('exchange-admin.followUps.write')}>
      <ErrorBanner error={error} withFields />
      <SelectField
        label={t('exchange-admin.followUps.caseStatus')}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
      >
        {CASE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`exchange-admin.followUps.caseStatuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <label htmlFor="fu-summary">{t('exchange-admin.followUps.summary')}</label>
        <textarea
          id="fu-summary"
          value={summary}
          maxLength={2000}
          onChange={(e) => setSummary(e.target.value)}
        />
      </div>
      <button type="submit" className="primary" disabled={sent}>
        {t('exchange-admin.followUps.send')}
      </button>
      {sent && (
        <p className="banner banner-success" role="status">
          {t('exchange-admin.followUps.sent', { month: formatNumber(item.month) })}
        </p>
      )}
    </form>
  )
}
