import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  useEffect,
  useId,
  useState,
} from 'react'
import { dayToText, parseDay } from '../i18n/format.ts'
import { useI18n } from '../i18n/i18n.tsx'

interface FieldProps {
  label: string
  error?: string
  hint?: string
}

export function TextField({
  label,
  error,
  hint,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId()
  const describedBy =
    [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  )
}

/**
 * A calendar day typed day-first (dd/mm/yyyy), the same in both languages and whatever the browser's locale:
 * Chromium's own date box read mm/dd/yyyy in the Khmer interface. The value in and out is `yyyy-mm-dd`; text that
 * is not a day is passed on as typed, so the server's refusal names this field.
 */
export function DateField({
  label,
  error,
  hint,
  value,
  onChange,
  ...input
}: FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
    value: string
    onChange(e: { target: { value: string } }): void
  }) {
  const { t } = useI18n()
  const [text, setText] = useState(() => dayToText(value))
  // A value set from outside (a form reset, a record loaded) replaces what is shown.
  useEffect(() => {
    setText((shown) => ((parseDay(shown) ?? shown) === value ? shown : dayToText(value)))
  }, [value])
  return (
    <TextField
      label={label}
      error={error}
      hint={hint ?? t('web.common.dateHint')}
      inputMode="numeric"
      placeholder={t('web.common.datePlaceholder')}
      autoComplete="off"
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        const typed = e.target.value.trim()
        onChange({ target: { value: typed === '' ? '' : (parseDay(typed) ?? typed) } })
      }}
      {...input}
    />
  )
}

export function SelectField({
  label,
  error,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {children}
      </select>
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  )
}

type NameKey = 'nameEn' | 'nameKm'

/** The English and Khmer names every administered record carries, side by side. */
export function NameFields(p: {
  values: Record<NameKey, string>
  set(key: NameKey): (e: { target: { value: string } }) => void
  fieldError(key: string): string | undefined
  required?: boolean
}) {
  const { t } = useI18n()
  const required = p.required ?? true
  return (
    <>
      <TextField
        label={t('web.common.nameEn')}
        required={required}
        value={p.values.nameEn}
        onChange={p.set('nameEn')}
        error={p.fieldError('nameEn')}
      />
      <TextField
        label={t('web.common.nameKm')}
        lang="km"
        required={required}
        value={p.values.nameKm}
        onChange={p.set('nameKm')}
        error={p.fieldError('nameKm')}
      />
    </>
  )
}

export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string
  checked: boolean
  onChange(checked: boolean): void
}) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  )
}
