import { type FormEvent, useState } from 'react'
import { ApiError, api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { Loading } from '../ui/feedback.tsx'
import { SelectField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { ConsentFields, type ConsentForm, consentBodies, emptyConsent } from './consent-fields.tsx'
import { emptyPerson, PersonFields, personBody } from './person-fields.tsx'
import { type Assessment, RecommendationPanel } from './recommendation-panel.tsx'
import { type AnswerMap, ScreeningFields } from './screening-fields.tsx'
import { ProtectionError, providerLabel, TextArea } from './shared.tsx'
import type { IdentificationForm, Provider, ReferralStatus } from './types.ts'

type Sent = ReferralStatus & { screening: { outcome: string | null; bestInterestsSteps: string[] } }

/** A border officer's "refer to protection": who, the identification screening, consent, and where to. */
export function ReferPage() {
  const { t, locale } = useI18n()
  const form = useFetch<IdentificationForm>('/api/protection/identification-form')
  const providers = useFetch<Provider[]>('/api/protection/providers?active=true')
  const [person, setPerson] = useState(emptyPerson)
  const [answers, setAnswers] = useState<AnswerMap>({})
  const [consents, setConsents] = useState<Record<string, ConsentForm>>({
    services: emptyConsent,
    sharing: emptyConsent,
  })
  const [providerId, setProviderId] = useState('')
  const [services, setServices] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>()
  const [key, setKey] = useState(newIdempotencyKey)
  const [sent, setSent] = useState<Sent | null>(null)
  const [assessment, setAssessment] = useState<Assessment | null>(null)
  const provider = providers.data?.find((p) => p.id === providerId)
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    try {
      const body = {
        person: personBody(person),
        answers,
        context: 'crossing',
        consents: consentBodies(consents),
        providerId,
        services,
        note,
        override: null,
      }
      setSent(await api<Sent>('POST', '/api/protection/referrals', { body, idempotencyKey: key }))
      setPerson(emptyPerson)
      setAnswers({})
      setAssessment(null)
      setKey(newIdempotencyKey())
    } catch (err) {
      setError(err)
    }
  }
  const assess = async () => {
    setError(undefined)
    try {
      const result = await api<Assessment>('POST', '/api/protection/screenings/assess', { body: { answers } })
      setAssessment(result)
      if (provider) setServices(result.suggestedServices.filter((s) => provider.services.includes(s)))
    } catch (err) {
      setError(err)
    }
  }
  // Only services the chosen provider offers can be asked for; the recommendation pre-selects them.
  const chooseProvider = (id: string) => {
    setProviderId(id)
    const offered = providers.data?.find((p) => p.id === id)?.services ?? []
    setServices((assessment?.suggestedServices ?? []).filter((s) => offered.includes(s)))
  }
  const toggle = (s: string) =>
    setServices(services.includes(s) ? services.filter((x) => x !== s) : [...services, s])

  if (!form.data || !providers.data)
    return form.error || providers.error ? (
      <ProtectionError error={form.error ?? providers.error} />
    ) : (
      <Loading />
    )
  return (
    <>
      <h1>{t('cases.nav.refer')}</h1>
      {sent && (
        <div className="banner banner-ok" role="status">
          <p>{t('cases.refer.sent', { provider: providerLabel(sent.provider, locale) })}</p>
          {sent.screening.outcome && (
            <p>
              {t('cases.refer.outcome', {
                outcome: t(`protection.screening.outcomes.${sent.screening.outcome}`),
              })}
            </p>
          )}
          {sent.screening.bestInterestsSteps.map((s) => (
            <p key={s}>{t(`protection.child.steps.${s}`)}</p>
          ))}
          <Link to="/protection/referrals">{t('cases.refer.seeSent')}</Link>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <ProtectionError error={error} />
        <section className="card">
          <PersonFields value={person} onChange={setPerson} fieldError={fieldError} />
        </section>
        <ScreeningFields form={form.data} answers={answers} onChange={setAnswers} />
        <RecommendationPanel assessment={assessment} onAssess={assess} />
        <section className="card" aria-labelledby="consent">
          <h2 id="consent">{t('cases.refer.consent')}</h2>
          <p className="hint">{t('cases.refer.consentHint')}</p>
          {Object.entries(consents).map(([purpose, c]) => (
            <ConsentFields
              key={purpose}
              purpose={purpose}
              value={c}
              onChange={(v) => setConsents({ ...consents, [purpose]: v })}
            />
          ))}
        </section>
        <section className="card" aria-labelledby="provider">
          <h2 id="provider">{t('cases.refer.provider')}</h2>
          <SelectField
            label={t('cases.refer.provider')}
            value={providerId}
            onChange={(e) => chooseProvider(e.target.value)}
            error={fieldError('providerId')}
          >
            <option value="">{t('cases.refer.chooseProvider')}</option>
            {providers.data.map((p) => (
              <option key={p.id} value={p.id}>
                {providerLabel(p, locale)}
                {p.freeBeds !== null ? ` — ${t('cases.providers.freeBeds', { count: p.freeBeds })}` : ''}
              </option>
            ))}
          </SelectField>
          {provider && (
            <fieldset>
              <legend>{t('cases.refer.services')}</legend>
              {(provider?.services ?? []).map((s) => (
                <label key={s} className="checkbox">
                  <input type="checkbox" checked={services.includes(s)} onChange={() => toggle(s)} />
                  {t(`protection.services.${s}`)}
                </label>
              ))}
            </fieldset>
          )}
          <TextArea
            label={t('cases.refer.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            hint={t('cases.refer.noteHint')}
          />
        </section>
        <div className="actions">
          <button type="submit" className="primary">
            {t('cases.refer.submit')}
          </button>
        </div>
      </form>
    </>
  )
}
