import { type FormEvent, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { ProtectionError, providerLabel, TextArea } from './shared.tsx'
import type { CaseView, Provider } from './types.ts'

const GROUNDS = ['vitalInterest', 'childBestInterests', 'legalObligation'] as const

/**
 * Refers the person of a case to a provider (shelter, clinic, legal aid). Without the consent it needs the
 * server refuses; a supervisor may override with a ground and a written reason, which is audited.
 */
export function CaseReferral({ c, onChanged }: { c: CaseView; onChanged(): void }) {
  const { t, locale, formatDateTime } = useI18n()
  const { can } = useSession()
  const providers = useFetch<Provider[]>('/api/protection/providers?active=true')
  const [f, setF] = useState({ providerId: '', services: [] as string[], note: '', ground: '', reason: '' })
  const [key, setKey] = useState(newIdempotencyKey)
  const [error, setError] = useState<unknown>()
  const provider = providers.data?.find((p) => p.id === f.providerId)
  const toggle = (s: string) =>
    setF({ ...f, services: f.services.includes(s) ? f.services.filter((x) => x !== s) : [...f.services, s] })
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    const body = {
      personId: c.person?.id,
      caseId: c.id,
      consents: [],
      providerId: f.providerId,
      services: f.services,
      note: f.note,
      override: f.ground ? { ground: f.ground, reason: f.reason } : null,
    }
    try {
      await api('POST', '/api/protection/referrals', { body, idempotencyKey: key })
      setKey(newIdempotencyKey())
      setF({ providerId: '', services: [], note: '', ground: '', reason: '' })
      onChanged()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <section className="card" aria-labelledby="case-referrals">
      <h2 id="case-referrals">{t('cases.nav.referrals')}</h2>
      <ul>
        {c.referrals.map((r) => (
          <li key={r.id}>
            {formatDateTime(r.createdAt)} — {providerLabel(r.provider, locale)}:{' '}
            {r.services.map((s) => t(`protection.services.${s}`)).join(', ')} ·{' '}
            {t(`protection.referral.states.${r.state}`)}
          </li>
        ))}
      </ul>
      {c.state !== 'closed' && (
        <form onSubmit={submit}>
          <ProtectionError error={error} />
          <SelectField
            label={t('cases.refer.provider')}
            value={f.providerId}
            onChange={(e) => setF({ ...f, providerId: e.target.value, services: [] })}
          >
            <option value="">{t('cases.refer.chooseProvider')}</option>
            {providers.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {providerLabel(p, locale)}
              </option>
            ))}
          </SelectField>
          {provider && (
            <fieldset>
              <legend>{t('cases.refer.services')}</legend>
              {(provider?.services ?? []).map((s) => (
                <label key={s} className="checkbox">
                  <input type="checkbox" checked={f.services.includes(s)} onChange={() => toggle(s)} />
                  {t(`protection.services.${s}`)}
                </label>
              ))}
            </fieldset>
          )}
          <TextArea
            label={t('cases.refer.note')}
            value={f.note}
            onChange={(e) => setF({ ...f, note: e.target.value })}
          />
          {can('case:approve') && (
            <>
              <SelectField
                label={t('cases.refer.override')}
                value={f.ground}
                onChange={(e) => setF({ ...f, ground: e.target.value })}
              >
                <option value="">{t('cases.refer.noOverride')}</option>
                {GROUNDS.map((g) => (
                  <option key={g} value={g}>
                    {t(`protection.consent.overrideGrounds.${g}`)}
                  </option>
                ))}
              </SelectField>
              {f.ground && (
                <TextArea
                  label={t('cases.refer.overrideReason')}
                  value={f.reason}
                  onChange={(e) => setF({ ...f, reason: e.target.value })}
                />
              )}
            </>
          )}
          <button type="submit">{t('cases.refer.submit')}</button>
        </form>
      )}
    </section>
  )
}
