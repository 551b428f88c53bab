import { type FormEvent, useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { SelectField } from '../ui/field.tsx'
import { ConsentFields, type ConsentForm, consentBodies, emptyConsent } from './consent-fields.tsx'
import { ProtectionError } from './shared.tsx'
import type { CaseView } from './types.ts'

const PURPOSES = ['services', 'sharing', 'reporting'] as const

/** Consent in force per purpose, and a new decision (given, refused or withdrawn) appended to the history. */
export function CaseConsent({ c, onChanged }: { c: CaseView; onChanged(): void }) {
  const { t, formatDateTime } = useI18n()
  const [purpose, setPurpose] = useState<string>('sharing')
  const [consent, setConsent] = useState<ConsentForm>(emptyConsent)
  const [key, setKey] = useState(newIdempotencyKey)
  const [error, setError] = useState<unknown>()
  const personId = c.person?.id
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const [body] = consentBodies({ [purpose]: consent })
    if (!body || !personId) return
    try {
      await api('POST', `/api/protection/persons/${personId}/consents`, { body, idempotencyKey: key })
      setKey(newIdempotencyKey())
      setConsent(emptyConsent)
      onChanged()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <section className="card" aria-labelledby="consents">
      <h2 id="consents">{t('cases.case.consents')}</h2>
      <dl className="facts">
        {PURPOSES.map((p) => (
          <div key={p} style={{ display: 'contents' }}>
            <dt>{t(`protection.consent.purposes.${p}`)}</dt>
            <dd>{t(`protection.consent.decisions.${c.consents.status[p] ?? 'notAsked'}`)}</dd>
          </div>
        ))}
      </dl>
      <ul className="muted">
        {c.consents.history.map((h) => (
          <li key={h.id}>
            {formatDateTime(h.at)} — {t(`protection.consent.purposes.${h.purpose}`)}:{' '}
            {t(`protection.consent.decisions.${h.decision}`)}
          </li>
        ))}
      </ul>
      {c.state !== 'closed' && (
        <form onSubmit={submit}>
          <ProtectionError error={error} />
          <SelectField
            label={t('cases.consent.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          >
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`protection.consent.purposes.${p}`)}
              </option>
            ))}
          </SelectField>
          <ConsentFields purpose={purpose} value={consent} onChange={setConsent} withdraw />
          <button type="submit">{t('cases.consent.record')}</button>
        </form>
      )}
    </section>
  )
}
