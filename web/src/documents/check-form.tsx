import { type FormEvent, useState } from 'react'
import { ApiError, api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { CheckboxField, NameFields, SelectField, TextField } from '../ui/field.tsx'
import type { ExaminationCheck } from './types.ts'

const CATEGORIES = ['data_page', 'portrait', 'substrate', 'printing', 'optical', 'booklet', 'holder']
const METHODS = ['compare', 'look', 'feel', 'tilt', 'magnify', 'uv_light', 'transmitted_light']

/** Edits one check of a template, or adds one when `check` is null (its id is then chosen here, once). */
export function CheckForm({
  templateId,
  check,
  onDone,
}: {
  templateId: string
  check: ExaminationCheck | null
  onDone(): void
}) {
  const { t } = useI18n()
  const [f, setF] = useState({
    id: check?.id ?? `${templateId}.`,
    category: check?.category ?? 'data_page',
    method: check?.method ?? 'look',
    nameEn: check?.nameEn ?? '',
    nameKm: check?.nameKm ?? '',
    toBeConfirmed: check?.toBeConfirmed ?? true,
    active: check?.active ?? true,
  })
  const [error, setError] = useState<unknown>()
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value })
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const { id, ...body } = f
    try {
      const path = `/api/documents/templates/${encodeURIComponent(templateId)}/checks/${encodeURIComponent(id)}`
      await api('PUT', path, { body })
      onDone()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{check ? t('reading.templates.editCheck') : t('reading.templates.addCheck')}</h2>
      <ErrorBanner error={error} />
      {!check && (
        <TextField label={t('reading.templates.checkId')} required value={f.id} onChange={set('id')} />
      )}
      <NameFields values={f} set={set} fieldError={fieldError} />
      <SelectField label={t('reading.templates.category')} value={f.category} onChange={set('category')}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`documents.examination.category.${c}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('reading.examination.method')} value={f.method} onChange={set('method')}>
        {METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`documents.examination.method.${m}`)}
          </option>
        ))}
      </SelectField>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={f.toBeConfirmed}
          onChange={(e) => setF({ ...f, toBeConfirmed: e.target.checked })}
        />
        {t('documents.examination.to_be_confirmed')}
      </label>
      <CheckboxField
        label={t('web.common.active')}
        checked={f.active}
        onChange={(active) => setF({ ...f, active })}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t('web.common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('web.common.cancel')}
        </button>
      </div>
    </form>
  )
}
