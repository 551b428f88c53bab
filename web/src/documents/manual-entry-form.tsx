import { type FormEvent, useState } from 'react'
import { ApiError, api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import type { ReadResult } from './types.ts'

const EMPTY = {
  documentCode: 'P',
  issuingState: '',
  documentNumber: '',
  nationality: '',
  surname: '',
  givenNames: '',
  birthDate: '',
  sex: 'M',
  expiryDate: '',
}

/** For a document whose MRZ cannot be read: the officer types the data page; the server checks it like an MRZ. */
export function ManualEntryForm({ onResult, onCancel }: { onResult(r: ReadResult): void; onCancel(): void }) {
  const { t } = useI18n()
  const [f, setF] = useState(EMPTY)
  const [error, setError] = useState<unknown>()
  const [key, setKey] = useState(newIdempotencyKey)
  const set =
    (k: keyof typeof EMPTY, upper = true) =>
    (e: { target: { value: string } }) =>
      setF({ ...f, [k]: upper ? e.target.value.toUpperCase() : e.target.value })
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      const result = await api<ReadResult>('POST', '/api/documents/manual', { body: f, idempotencyKey: key })
      setError(undefined)
      // A rejected entry may be corrected and sent again: that is a new request.
      if (!result.document) setKey(newIdempotencyKey())
      onResult(result)
    } catch (err) {
      setError(err)
    }
  }

  const text = (name: keyof typeof EMPTY, extra: Record<string, unknown> = {}) => (
    <TextField
      label={t(`documents.field.${name}`)}
      value={f[name]}
      onChange={set(name, name !== 'birthDate' && name !== 'expiryDate')}
      error={fieldError(name)}
      required
      {...extra}
    />
  )

  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-labelledby="manual-title">
      <h2 id="manual-title">{t('reading.manual.title')}</h2>
      <ErrorBanner error={error} />
      <SelectField
        label={t('documents.field.documentCode')}
        value={f.documentCode}
        onChange={set('documentCode')}
      >
        {['P', 'PD', 'PS', 'I', 'ID', 'AC', 'V'].map((c) => (
          <option key={c} value={c}>
            {t(`reading.manual.codes.${c}`)}
          </option>
        ))}
      </SelectField>
      {text('issuingState', { maxLength: 3, hint: t('reading.manual.stateHint') })}
      {text('documentNumber', { maxLength: 20 })}
      {text('nationality', { maxLength: 3, hint: t('reading.manual.stateHint') })}
      {text('surname')}
      {text('givenNames', { required: false })}
      {text('birthDate', { placeholder: 'YYYY-MM-DD', hint: t('reading.manual.birthHint') })}
      <SelectField label={t('documents.field.sex')} value={f.sex} onChange={set('sex')}>
        {['M', 'F', 'X'].map((s) => (
          <option key={s} value={s}>
            {t(`reading.manual.sex.${s}`)}
          </option>
        ))}
      </SelectField>
      {text('expiryDate', { type: 'date' })}
      <div className="actions">
        <button type="submit" className="primary">
          {t('reading.manual.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('web.common.cancel')}
        </button>
      </div>
    </form>
  )
}
