import { useI18n } from '../i18n/i18n.tsx'
import {
  ConsentFields,
  type ConsentForm,
  consentBodies,
  emptyConsent,
} from '../protection/consent-fields.tsx'
import { type AnswerMap, ScreeningFields } from '../protection/screening-fields.tsx'
import { ProtectionError, providerLabel, TextArea } from '../protection/shared.tsx'
import type { IdentificationForm, Provider } from '../protection/types.ts'
import { Loading } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'

export interface ProtectionForm {
  answers: AnswerMap
  consents: Record<string, ConsentForm>
  providerId: string
  services: string[]
  note: string
  givenKhmer: string
  familyKhmer: string
  mobilePhone: string
}

export const emptyProtection: ProtectionForm = {
  answers: {},
  consents: { services: emptyConsent, sharing: emptyConsent },
  providerId: '',
  services: [],
  note: '',
  givenKhmer: '',
  familyKhmer: '',
  mobilePhone: '',
}

const orNull = (v: string) => v.trim() || null

export function protectionBody(p: ProtectionForm) {
  return {
    answers: p.answers,
    consents: consentBodies(p.consents),
    providerId: p.providerId,
    services: p.services,
    note: p.note,
    givenKhmer: orNull(p.givenKhmer),
    familyKhmer: orNull(p.familyKhmer),
    mobilePhone: orNull(p.mobilePhone),
  }
}

/**
 * The short referral to protection of a secondary outcome: the person is the traveller of the document, so only
 * the Khmer name and phone, the identification screening, consent and the provider are asked.
 */
export function SecondaryProtectionFields({
  value: p,
  onChange,
}: {
  value: ProtectionForm
  onChange(p: ProtectionForm): void
}) {
  const { t, locale } = useI18n()
  const form = useFetch<IdentificationForm>('/api/protection/identification-form')
  const providers = useFetch<Provider[]>('/api/protection/providers?active=true')
  const set =
    (k: 'note' | 'givenKhmer' | 'familyKhmer' | 'mobilePhone') => (e: { target: { value: string } }) =>
      onChange({ ...p, [k]: e.target.value })
  const provider = providers.data?.find((x) => x.id === p.providerId)
  const toggle = (s: string) =>
    onChange({
      ...p,
      services: p.services.includes(s) ? p.services.filter((x) => x !== s) : [...p.services, s],
    })

  if (!form.data || !providers.data)
    return form.error || providers.error ? (
      <ProtectionError error={form.error ?? providers.error} />
    ) : (
      <Loading />
    )
  return (
    <fieldset className="companions" data-testid="secondary-protection">
      <legend>{t('crossings.secondary.protection.title')}</legend>
      <TextField
        label={t('crossings.secondary.protection.familyKhmer')}
        value={p.familyKhmer}
        onChange={set('familyKhmer')}
      />
      <TextField
        label={t('crossings.secondary.protection.givenKhmer')}
        value={p.givenKhmer}
        onChange={set('givenKhmer')}
      />
      <TextField
        label={t('crossings.secondary.protection.phone')}
        inputMode="tel"
        value={p.mobilePhone}
        onChange={set('mobilePhone')}
      />
      <ScreeningFields
        form={form.data}
        answers={p.answers}
        onChange={(answers) => onChange({ ...p, answers })}
      />
      <fieldset>
        <legend>{t('crossings.secondary.protection.consent')}</legend>
        {Object.entries(p.consents).map(([purpose, c]) => (
          <ConsentFields
            key={purpose}
            purpose={purpose}
            value={c}
            onChange={(v) => onChange({ ...p, consents: { ...p.consents, [purpose]: v } })}
          />
        ))}
      </fieldset>
      <SelectField
        label={t('crossings.secondary.protection.provider')}
        value={p.providerId}
        onChange={(e) => onChange({ ...p, providerId: e.target.value, services: [] })}
      >
        <option value="">{t('crossings.form.choose')}</option>
        {providers.data.map((x) => (
          <option key={x.id} value={x.id}>
            {providerLabel(x, locale)}
          </option>
        ))}
      </SelectField>
      {provider && (
        <fieldset>
          <legend>{t('crossings.secondary.protection.services')}</legend>
          {provider.services.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" checked={p.services.includes(s)} onChange={() => toggle(s)} />
              {t(`protection.services.${s}`)}
            </label>
          ))}
        </fieldset>
      )}
      <TextArea label={t('crossings.secondary.protection.note')} value={p.note} onChange={set('note')} />
    </fieldset>
  )
}
