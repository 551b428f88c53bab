import type { ReactNode } from 'react'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from './feedback.tsx'
import { CheckboxField, NameFields, TextField } from './field.tsx'
import { FormActions, useForm } from './form.tsx'

interface CodedValues extends Record<string, string | boolean> {
  code: string
  nameEn: string
  nameKm: string
  active: boolean
}

/**
 * The administered records that are known by a code and named in both languages (agencies, points of entry,
 * refusal reasons): created once under their code with `POST path`, then renamed, changed or deactivated with
 * `PATCH path/code` — the code itself never changes, since other records cite it.
 */
export function useCodedRecordForm<V extends CodedValues>(o: {
  record: { code: string } | null
  initial: V
  path: string
  /** The code as the server keeps it (upper- or lower-case). */
  normaliseCode(code: string): string
  /** The fields sent on both create and update, besides code and active. */
  body(values: V): Record<string, unknown>
  onDone(): void
}) {
  const f = useForm(o.initial)
  const submit = f.submit(async () => {
    const v = f.values
    if (o.record)
      await api('PATCH', `${o.path}/${encodeURIComponent(o.record.code)}`, {
        body: { ...o.body(v), active: v.active },
      })
    else
      await api('POST', o.path, {
        body: { code: o.normaliseCode(v.code), ...o.body(v) },
        idempotencyKey: f.idempotencyKey,
      })
    o.onDone()
  })
  return { ...f, submit }
}

/** The form around such a record: its code only when new, both names, the record's own fields, active when editing. */
export function CodedRecordForm<V extends CodedValues>(p: {
  form: ReturnType<typeof useCodedRecordForm<V>>
  editing: boolean
  title: string
  codeLabel: string
  codeHint?: string
  autoFocus?: boolean
  onCancel(): void
  children?: ReactNode
}) {
  const { t } = useI18n()
  const f = p.form
  const v = f.values
  return (
    <form className="card form-grid" onSubmit={f.submit} noValidate>
      <h2>{p.title}</h2>
      <ErrorBanner error={f.error} />
      {!p.editing && (
        <TextField
          label={p.codeLabel}
          required
          value={v.code}
          onChange={f.set('code')}
          error={f.fieldError('code')}
          hint={p.codeHint}
          autoFocus={p.autoFocus}
        />
      )}
      <NameFields values={v} set={f.set} fieldError={f.fieldError} />
      {p.children}
      {p.editing && (
        <CheckboxField
          label={t('web.common.active')}
          checked={v.active}
          onChange={(active) => f.setValues({ ...v, active })}
        />
      )}
      <FormActions onCancel={p.onCancel} />
    </form>
  )
}
