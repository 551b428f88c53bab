import { type FormEvent, useState } from 'react'
import { ApiError, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'

/**
 * Form state shared by the admin forms: field values, the last API error (with per-field messages), and one
 * idempotency key per form, so a double-click or a retry after a dropped connection creates one record.
 */
export function useForm<T extends Record<string, string | boolean>>(initial: T) {
  const [values, setValues] = useState(initial)
  const [error, setError] = useState<unknown>()
  const [idempotencyKey] = useState(newIdempotencyKey)
  return {
    values,
    setValues,
    error,
    idempotencyKey,
    set: (k: keyof T) => (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [k]: e.target.value })),
    fieldError: (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined),
    /** Error messages of a rejected password, joined for the password field. */
    passwordError: () =>
      error instanceof ApiError && error.code === 'weak_password'
        ? error.details.map((d) => d.message).join(' ')
        : undefined,
    /** The error to show in the banner: a weak password is shown at its field instead. */
    bannerError: () => (error instanceof ApiError && error.code === 'weak_password' ? undefined : error),
    submit: (action: () => Promise<void>) => async (e: FormEvent) => {
      e.preventDefault()
      setError(undefined)
      try {
        await action()
      } catch (err) {
        setError(err)
      }
    },
  }
}

export function FormActions({
  onCancel,
  submitLabel,
  disabled,
}: {
  onCancel(): void
  submitLabel?: string
  disabled?: boolean
}) {
  const { t } = useI18n()
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={disabled}>
        {submitLabel ?? t('web.common.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('web.common.cancel')}
      </button>
    </div>
  )
}
