import { useI18n } from '../i18n/i18n.tsx'
import { DateField, SelectField, TextField } from '../ui/field.tsx'

export interface PersonForm {
  givenLatin: string
  familyLatin: string
  givenKhmer: string
  familyKhmer: string
  birthDate: string
  gender: string
  nationality: string
}

export const emptyPerson: PersonForm = {
  givenLatin: '',
  familyLatin: '',
  givenKhmer: '',
  familyKhmer: '',
  birthDate: '',
  gender: 'unknown',
  nationality: 'KHM',
}

/** As the API wants it: empty optional fields are null, not empty strings. */
export function personBody(p: PersonForm) {
  return {
    givenLatin: p.givenLatin,
    familyLatin: p.familyLatin,
    givenKhmer: p.givenKhmer || null,
    familyKhmer: p.familyKhmer || null,
    birthDate: p.birthDate || null,
    birthDateEstimated: false,
    gender: p.gender,
    nationality: p.nationality || null,
    mobilePhone: null,
    provinceCode: null,
  }
}

const GENDERS = ['female', 'male', 'nonconforming', 'unknown'] as const

export function PersonFields({
  value,
  onChange,
  fieldError,
}: {
  value: PersonForm
  onChange(p: PersonForm): void
  fieldError(name: string): string | undefined
}) {
  const { t } = useI18n()
  const set = (k: keyof PersonForm) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value })
  return (
    <fieldset className="form-grid">
      <legend>{t('cases.refer.person')}</legend>
      <TextField
        label={t('cases.person.familyLatin')}
        value={value.familyLatin}
        onChange={set('familyLatin')}
        error={fieldError('person.familyLatin')}
      />
      <TextField
        label={t('cases.person.givenLatin')}
        value={value.givenLatin}
        onChange={set('givenLatin')}
        error={fieldError('person.givenLatin')}
      />
      <TextField
        label={t('cases.person.familyKhmer')}
        lang="km"
        value={value.familyKhmer}
        onChange={set('familyKhmer')}
      />
      <TextField
        label={t('cases.person.givenKhmer')}
        lang="km"
        value={value.givenKhmer}
        onChange={set('givenKhmer')}
      />
      <SelectField label={t('cases.person.gender')} value={value.gender} onChange={set('gender')}>
        {GENDERS.map((g) => (
          <option key={g} value={g}>
            {t(`protection.person.genders.${g}`)}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t('cases.person.birthDate')}
        value={value.birthDate}
        onChange={set('birthDate')}
        error={fieldError('person.birthDate')}
      />
      <TextField
        label={t('cases.person.nationality')}
        value={value.nationality}
        maxLength={3}
        onChange={(e) => onChange({ ...value, nationality: e.target.value.toUpperCase() })}
        hint={t('cases.person.nationalityHint')}
        error={fieldError('person.nationality')}
      />
    </fieldset>
  )
}
