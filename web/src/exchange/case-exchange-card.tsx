import { useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { CheckboxField, SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import type { AgreementChoice, CasePreview } from './web-types.ts'

type Kind = 'referral' | 'repatriation'

const shown = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v))

/**
 * "Refer to partner" and "request repatriation" from a case. The server builds the message from the case and the
 * agreement's filter; this card shows that result first — each field that would travel, each field the case holds
 * that the agreement withholds, and the consent the agreement asks for — and sends only when nothing blocks it.
 */
export function CaseExchangeCard({ caseId, onSent }: { caseId: string; onSent(): void }) {
  const { t, locale } = useI18n()
  const agreements = useFetch<{ items: AgreementChoice[] }>('/api/exchange/agreements-in-force')
  const [agreement, setAgreement] = useState('')
  const [kind, setKind] = useState<Kind>('repatriation')
  const [note, setNote] = useState('')
  const [bestInterests, setBestInterests] = useState(false)
  const [preview, setPreview] = useState<CasePreview | null>(null)
  const [key, setKey] = useState(newIdempotencyKey)
  const [error, setError] = useState<unknown>()
  const [sent, setSent] = useState(false)
  const chosen = agreement || agreements.data?.items[0]?.code || ''
  const body = () => ({ agreement: chosen, note: note.trim() || null, bestInterestsDone: bestInterests })
  const check = async () => {
    setError(undefined)
    setSent(false)
    try {
      setPreview(
        await api<CasePreview>('POST', `/api/protection/cases/${caseId}/exchange/preview`, { body: body() }),
      )
    } catch (e) {
      setError(e)
    }
  }
  const send = async () => {
    setError(undefined)
    try {
      await api('POST', `/api/protection/cases/${caseId}/exchange`, {
        body: { ...body(), kind },
        idempotencyKey: key,
      })
      setKey(newIdempotencyKey())
      setPreview(null)
      setSent(true)
      onSent()
    } catch (e) {
      setError(e)
    }
  }
  // Any change after a preview needs a new preview: what is shown is what is sent.
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v)
      setPreview(null)
    }
  return (
    <section className="card" aria-labelledby="case-exchange-title" data-testid="case-exchange">
      <h2 id="case-exchange-title">{t('exchange-web.case.title')}</h2>
      <ErrorBanner error={error ?? agreements.error} />
      <fieldset>
        <legend>{t('exchange-web.case.kind')}</legend>
        {(['referral', 'repatriation'] as const).map((k) => (
          <label key={k} className="checkbox">
            <input
              type="radio"
              name="case-exchange-kind"
              checked={kind === k}
              onChange={() => changed(setKind)(k)}
            />
            {t(`exchange-web.case.kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <SelectField
        label={t('exchange-web.case.agreement')}
        value={chosen}
        onChange={(e) => changed(setAgreement)(e.target.value)}
      >
        {agreements.data?.items.map((a) => (
          <option key={a.code} value={a.code}>
            {a.title} — {locale === 'km' ? a.partnerNameKm : a.partnerNameEn}
            {a.demo ? ` · ${t('exchange.demo')}` : ''}
          </option>
        ))}
      </SelectField>
      <label>
        {t('exchange-web.case.note')}
        <textarea value={note} maxLength={2000} onChange={(e) => changed(setNote)(e.target.value)} />
      </label>
      {preview?.consent.child && (
        <CheckboxField
          label={t('exchange-web.case.bestInterestsDone')}
          checked={bestInterests}
          onChange={changed(setBestInterests)}
        />
      )}
      <p>
        <button type="button" onClick={check} disabled={!chosen}>
          {t('exchange-web.case.preview')}
        </button>{' '}
        <button type="button" onClick={send} disabled={!preview || preview.blocked !== null}>
          {t(`exchange-web.case.send.${kind}`)}
        </button>
      </p>
      {preview && <PreviewLists p={preview} />}
      {sent && (
        <p className="banner banner-success" role="status">
          {t('exchange-web.case.sent')}
        </p>
      )}
    </section>
  )
}

function PreviewLists({ p }: { p: CasePreview }) {
  const { t, formatDay } = useI18n()
  const consent =
    p.consentRule === 'not_required'
      ? t('exchange-web.case.consent.notRequired')
      : p.consent.child
        ? t(`exchange-web.case.consent.child.${p.consent.bestInterestsDone ? 'done' : 'missing'}`)
        : t(`exchange-web.case.consent.sharing.${p.consent.sharing}`)
  return (
    <div data-testid="case-exchange-preview">
      <p>
        {t('exchange-web.case.legal')}{' '}
        {/* The legal reference as signed: a proper name, not interface text. */}
        <span lang="en">
          {p.agreement.legal.title}, {formatDay(p.agreement.legal.date)}, {p.agreement.legal.article}
        </span>
      </p>
      <p data-testid="case-exchange-consent" className={p.blocked ? 'banner banner-error' : undefined}>
        {consent}
      </p>
      {p.blocked && (
        <p className="banner banner-error" role="alert" data-testid="case-exchange-blocked">
          {t(`exchange.refusal.${p.blocked.reason}`, { detail: p.blocked.detail ?? '' })}
        </p>
      )}
      <h3>{t('exchange-web.case.allowed')}</h3>
      <ul className="exchange-allowed" data-testid="case-exchange-allowed">
        {Object.entries(p.content).map(([f, v]) => (
          <li key={f} data-field={f}>
            <span aria-hidden="true">✓ </span>
            {t(`exchange-web.fields.${f}`)}: <span translate="no">{shown(v)}</span>
          </li>
        ))}
      </ul>
      <h3>{t('exchange-web.case.withheld')}</h3>
      <ul className="withheld" data-testid="case-exchange-withheld">
        {p.withheld.map((f) => (
          <li key={f} data-field={f}>
            <span aria-hidden="true">✗ </span>
            <s>{t(`exchange-web.fields.${f}`)}</s> — {t('exchange-web.case.withheldWhy')}
          </li>
        ))}
      </ul>
    </div>
  )
}
