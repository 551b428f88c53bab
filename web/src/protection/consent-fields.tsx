import { useI18n } from '../i18n/i18n.tsx'
import { SelectField, TextField } from '../ui/field.tsx'

export interface ConsentForm {
  decision: '' | 'given' | 'refused' | 'withdrawn'
  givenBy: 'self' | 'parentOrGuardian' | 'appointedGuardian'
  guardianName: string
  method: 'verbal' | 'written' | 'thumbprint'
}

export const emptyConsent: ConsentForm = { decision: '', givenBy: 'self', guardianName: '', method: 'verbal' }

/** Only the purposes actually asked are sent: "not asked" is no record, not a refusal. */
export function consentBodies(consents: Record<string, ConsentForm>) {
  return Object.entries(consents)
    .filter(([, c]) => c.decision !== '')
    .map(([purpose, c]) => ({
      purpose,
      decision: c.decision,
      givenBy: c.givenBy,
      guardianName: c.givenBy === 'self' ? null : c.guardianName || null,
      method: c.method,
    }))
}

export function ConsentFields({
  purpose,
  value,
  onChange,
  withdraw = false,
}: {
  purpose: string
  value: ConsentForm
  onChange(c: ConsentForm): void
  /** Offered where consent was recorded before: a person may withdraw it at any time. */
  withdraw?: boolean
}) {
  const { t } = useI18n()
  const set = (k: keyof ConsentForm) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value })
  const label = t(`protection.consent.purposes.${purpose}`)
  return (
    <fieldset className="form-grid" data-testid={`consent-${purpose}`}>
      <legend>{label}</legend>
      <SelectField
        label={t('cases.consent.decision', { purpose: label })}
        value={value.decision}
        onChange={set('decision')}
      >
        <option value="">{t('protection.consent.decisions.notAsked')}</option>
        <option value="given">{t('protection.consent.decisions.given')}</option>
        <option value="refused">{t('protection.consent.decisions.refused')}</option>
        {withdraw && <option value="withdrawn">{t('protection.consent.decisions.withdrawn')}</option>}
      </SelectField>
      <SelectField label={t('cases.consent.givenBy')} value={value.givenBy} onChange={set('givenBy')}>
        {(['self', 'parentOrGuardian', 'appointedGuardian'] as const).map((g) => (
          <option key={g} value={g}>
            {t(`protection.consent.givenBy.${g}`)}
          </option>
        ))}
      </SelectField>
      {value.givenBy !== 'self' && (
        <TextField
          label={t('cases.consent.guardianName')}
          value={value.guardianName}
          onChange={set('guardianName')}
        />
      )}
      <SelectField label={t('cases.consent.method')} value={value.method} onChange={set('method')}>
        {(['verbal', 'written', 'thumbprint'] as const).map((m) => (
          <option key={m} value={m}>
            {t(`protection.consent.methods.${m}`)}
          </option>
        ))}
      </SelectField>
    </fieldset>
  )
}
