import { type FormEvent, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { Agreement, Preview } from './types.ts'

const FIELDS = [
  'prs_FirstName',
  'prs_SecondName',
  'xch_FirstNameNative',
  'xch_SecondNameNative',
  'prs_Birthdate',
  'prs_MobilePhone',
  'xch_HomeProvince',
  'vic_DetailsOfVulnerabilities',
] as const

/**
 * "Refer to partner / request repatriation": the case's data goes through the agreement's filter first, and the
 * screen shows which fields will travel and which are withheld before anything is sent.
 */
export function ComposeCard() {
  const { t } = useI18n()
  const { data } = useFetch<{ items: Agreement[] }>('/api/exchange/agreements')
  const [agreement, setAgreement] = useState('')
  const [ref, setRef] = useState('')
  const [values, setValues] = useState<Record<string, string>>({})
  const [consent, setConsent] = useState(false)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<unknown>()
  const [sent, setSent] = useState(false)
  const chosen = agreement || data?.items.find((a) => a.inForce)?.code || ''
  const body = () => ({
    agreement: chosen,
    type: 'repatriation.referral',
    threadRef: ref || null,
    content: {
      ...Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')),
      vic_AgreementToManagePersonalData: consent ? 'yes' : 'no',
    },
  })
  const check = async () => {
    setError(undefined)
    setSent(false)
    try {
      setPreview(await api<Preview>('POST', '/api/exchange/preview', { body: body() }))
    } catch (e) {
      setError(e)
    }
  }
  const send = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    try {
      await api('POST', '/api/exchange/messages', { body: body(), idempotencyKey: newIdempotencyKey() })
      setSent(true)
    } catch (err) {
      setError(err)
    }
  }
  return (
    <section className="card" aria-labelledby="compose-title" data-testid="compose">
      <h2 id="compose-title">{t('exchange.compose.title')}</h2>
      <ErrorBanner error={error} />
      <form onSubmit={send}>
        <label>
          {t('exchange.compose.agreement')}
          <select value={chosen} onChange={(e) => setAgreement(e.target.value)}>
            {data?.items.map((a) => (
              <option key={a.code} value={a.code} disabled={!a.inForce}>
                {a.title}
                {a.demo ? ` · ${t('exchange.demo')}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('exchange.compose.reference')}
          <input value={ref} onChange={(e) => setRef(e.target.value)} maxLength={80} />
        </label>
        {FIELDS.map((f) => (
          <label key={f}>
            {t(`exchange.fields.${f}`)}
            <input value={values[f] ?? ''} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
          </label>
        ))}
        <label>
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
          {t('exchange.fields.vic_AgreementToManagePersonalData')}
        </label>
        <p>
          <button type="button" onClick={check}>
            {t('exchange.compose.preview')}
          </button>{' '}
          <button type="submit" disabled={!preview}>
            {t('exchange.compose.send')}
          </button>
        </p>
      </form>
      {preview && (
        <div data-testid="preview">
          <h3>{t('exchange.compose.allowed')}</h3>
          <ul>
            {Object.keys(preview.content).map((f) => (
              <li key={f} data-field={f}>
                {t(`exchange.fields.${f}`)}
              </li>
            ))}
          </ul>
          <h3>{t('exchange.compose.withheld')}</h3>
          <ul className="withheld">
            {preview.withheld.map((f) => (
              <li key={f} data-field={f}>
                <s>{t(`exchange.fields.${f}`)}</s>
              </li>
            ))}
          </ul>
        </div>
      )}
      {sent && (
        <p className="banner banner-success" role="status">
          {t('exchange.compose.sent')}
        </p>
      )}
    </section>
  )
}
