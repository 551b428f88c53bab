import { useI18n } from '../i18n/i18n.tsx'
import type { AnswerMap } from '../protection/screening-fields.tsx'
import { providerLabel } from '../protection/shared.tsx'
import type { Provider } from '../protection/types.ts'
import { SelectField, TextField } from '../ui/field.tsx'

export interface ReferralForm {
  note: string
  providerId: string
  services: string[]
  consentGiven: boolean
  givenBy: 'self' | 'parentOrGuardian' | 'appointedGuardian'
  guardianName: string
  method: 'verbal' | 'written' | 'thumbprint'
  answers: AnswerMap
}

export const emptyReferral: ReferralForm = {
  note: '',
  providerId: '',
  services: [],
  consentGiven: false,
  givenBy: 'self',
  guardianName: '',
  method: 'verbal',
  answers: {},
}

/** One consent covers both purposes a referral to another agency needs: services, and sharing with the provider. */
export function referralBody(r: ReferralForm) {
  const consent = (purpose: string) => ({
    purpose,
    decision: 'given',
    givenBy: r.givenBy,
    guardianName: r.givenBy === 'self' ? null : r.guardianName || null,
    method: r.method,
  })
  return {
    providerId: r.providerId,
    services: r.services,
    note: r.note,
    consents: r.consentGiven ? [consent('services'), consent('sharing')] : [],
    answers: r.answers,
  }
}

/**
 * What a referral to protection needs beyond the registration: a short reason and the provider (pre-selected).
 * Consent is recorded here only if the officer did ask; otherwise the receiving social worker sees "not yet
 * asked" first and asks. The identification screening is the social worker's, on the case: in a mass return the
 * officer flags and refers, and the answers the registration gives (age, flagged vulnerabilities) go with it.
 */
export function ReferralFields({
  value,
  onChange,
  providers,
  fieldError,
}: {
  value: ReferralForm
  onChange(r: ReferralForm): void
  providers: Provider[]
  fieldError(name: string): string | undefined
}) {
  const { t, locale } = useI18n()
  const set = <K extends keyof ReferralForm>(k: K, v: ReferralForm[K]) => onChange({ ...value, [k]: v })
  const provider = providers.find((p) => p.id === value.providerId)
  const toggleService = (s: string) =>
    set(
      'services',
      value.services.includes(s) ? value.services.filter((x) => x !== s) : [...value.services, s],
    )
  return (
    <div className="referral-fields" data-testid="referral">
      <TextField
        label={t('returns.referral.reason')}
        hint={t('returns.referral.reasonHint')}
        value={value.note}
        maxLength={500}
        onChange={(e) => set('note', e.target.value)}
        error={fieldError('referral.note')}
      />
      <SelectField
        label={t('cases.refer.provider')}
        value={value.providerId}
        onChange={(e) => set('providerId', e.target.value)}
        error={fieldError('referral.providerId')}
      >
        <option value="">{t('cases.refer.chooseProvider')}</option>
        {providers.map((p) => (
          <option key={p.id} value={p.id}>
            {providerLabel(p, locale)}
          </option>
        ))}
      </SelectField>
      {provider && (
        <fieldset className="toggle-group">
          <legend>{t('cases.refer.services')}</legend>
          {provider.services.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" checked={value.services.includes(s)} onChange={() => toggleService(s)} />
              {t(`protection.services.${s}`)}
            </label>
          ))}
        </fieldset>
      )}
      {value.services.length === 0 && fieldError('referral.services') && (
        <p className="field-error" role="alert">
          {fieldError('referral.services')}
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.consentGiven}
          onChange={(e) => set('consentGiven', e.target.checked)}
        />
        {t('returns.referral.consent')}
      </label>
      {!value.consentGiven && <p className="hint">{t('returns.referral.consentLater')}</p>}
      {value.consentGiven && <ConsentDetails value={value} set={set} />}
    </div>
  )
}

function ConsentDetails({
  value,
  set,
}: {
  value: ReferralForm
  set<K extends keyof ReferralForm>(k: K, v: ReferralForm[K]): void
}) {
  const { t } = useI18n()
  return (
    <>
      <SelectField
        label={t('cases.consent.givenBy')}
        value={value.givenBy}
        onChange={(e) => set('givenBy', e.target.value as ReferralForm['givenBy'])}
      >
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
          onChange={(e) => set('guardianName', e.target.value)}
        />
      )}
      <SelectField
        label={t('cases.consent.method')}
        value={value.method}
        onChange={(e) => set('method', e.target.value as ReferralForm['method'])}
      >
        {(['verbal', 'written', 'thumbprint'] as const).map((m) => (
          <option key={m} value={m}>
            {t(`protection.consent.methods.${m}`)}
          </option>
        ))}
      </SelectField>
    </>
  )
}
