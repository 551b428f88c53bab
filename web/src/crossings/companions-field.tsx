import { useI18n } from '../i18n/i18n.tsx'
import { RELATIONS } from './types.ts'

/** A traveller inspected earlier at this counter, offered as a companion of the next ones (a family, a group). */
export interface Recent {
  id: string
  name: string
  birthDate: string | null
}

export function CompanionsField({
  recent,
  value,
  onChange,
}: {
  recent: Recent[]
  value: Record<string, string>
  onChange(value: Record<string, string>): void
}) {
  const { t } = useI18n()
  if (recent.length === 0) return null
  return (
    <fieldset className="companions">
      <legend>{t('crossings.form.companions')}</legend>
      <small className="hint">{t('crossings.form.companionsHint')}</small>
      <small className="hint">{t('crossings.form.companionsRisk')}</small>
      {recent.map((r) => (
        <label key={r.id} className="field">
          <span>
            {r.name} {r.birthDate ? `(${r.birthDate})` : ''}
          </span>
          <select value={value[r.id] ?? ''} onChange={(e) => onChange({ ...value, [r.id]: e.target.value })}>
            <option value="">{t('crossings.form.notCompanion')}</option>
            {RELATIONS.map((x) => (
              <option key={x} value={x}>
                {t(`crossings.values.relation.${x}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  )
}
