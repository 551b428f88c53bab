import { type FormEvent, useState } from 'react'
import { ApiError, api, newIdempotencyKey } from '../api/client.ts'
import type { Agency } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { CheckboxField, NameFields, SelectField, TextField } from '../ui/field.tsx'
import { FormActions } from '../ui/form.tsx'
import { ProtectionError } from './shared.tsx'
import { type Provider, SERVICES } from './types.ts'

const TYPES = [
  'NGO',
  'HealthServiceOrganisation',
  'CentralGovernmentOrganisation',
  'LocalGovernmentOrganisation',
  'LegalService',
]

export function ProviderForm({
  provider,
  agencies,
  onDone,
}: {
  provider: Provider | null
  agencies: Agency[]
  onDone(): void
}) {
  const { t } = useI18n()
  const [f, setF] = useState({
    agencyCode: provider?.agencyCode ?? 'MOSVY',
    nameEn: provider?.nameEn ?? '',
    nameKm: provider?.nameKm ?? '',
    type: provider?.type ?? 'NGO',
    services: provider?.services ?? [],
    location: provider?.location ?? '',
    contactName: provider?.contactName ?? '',
    phone: provider?.phone ?? '',
    email: provider?.email ?? '',
    shelterBeds: provider?.shelterBeds === null || provider === null ? '' : String(provider.shelterBeds),
    shelterOccupied: String(provider?.shelterOccupied ?? 0),
    active: provider?.active ?? true,
  })
  const [error, setError] = useState<unknown>()
  const [key] = useState(newIdempotencyKey)
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value })
  const fieldError = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined)
  const toggle = (s: string) =>
    setF({ ...f, services: f.services.includes(s) ? f.services.filter((x) => x !== s) : [...f.services, s] })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const body = {
      ...f,
      provinceCode: provider?.provinceCode ?? null,
      shelterBeds: f.shelterBeds === '' ? null : Number(f.shelterBeds),
      shelterOccupied: Number(f.shelterOccupied || 0),
    }
    try {
      if (provider) await api('PATCH', `/api/protection/providers/${provider.id}`, { body })
      else await api('POST', '/api/protection/providers', { body, idempotencyKey: key })
      onDone()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{provider ? provider.nameEn : t('cases.providers.add')}</h2>
      <ProtectionError error={error} />
      <NameFields values={f} set={set} fieldError={fieldError} required={false} />
      <SelectField label={t('web.users.agency')} value={f.agencyCode} onChange={set('agencyCode')}>
        {agencies.map((a) => (
          <option key={a.code} value={a.code}>
            {a.code}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('cases.providers.type')} value={f.type} onChange={set('type')}>
        {TYPES.map((x) => (
          <option key={x} value={x}>
            {t(`cases.providers.types.${x}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('cases.providers.location')} value={f.location} onChange={set('location')} />
      <TextField
        label={t('cases.providers.contactName')}
        value={f.contactName}
        onChange={set('contactName')}
      />
      <TextField label={t('cases.providers.phone')} value={f.phone} onChange={set('phone')} />
      <TextField
        label={t('cases.providers.email')}
        type="email"
        value={f.email}
        onChange={set('email')}
        error={fieldError('email')}
      />
      <TextField
        label={t('cases.providers.beds')}
        type="number"
        min={0}
        value={f.shelterBeds}
        onChange={set('shelterBeds')}
      />
      <TextField
        label={t('cases.providers.occupied')}
        type="number"
        min={0}
        value={f.shelterOccupied}
        onChange={set('shelterOccupied')}
        error={fieldError('shelterOccupied')}
      />
      <fieldset>
        <legend>{t('cases.refer.services')}</legend>
        {SERVICES.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" checked={f.services.includes(s)} onChange={() => toggle(s)} />
            {t(`protection.services.${s}`)}
          </label>
        ))}
      </fieldset>
      <CheckboxField
        label={t('web.common.active')}
        checked={f.active}
        onChange={(active) => setF({ ...f, active })}
      />
      <FormActions onCancel={onDone} />
    </form>
  )
}
