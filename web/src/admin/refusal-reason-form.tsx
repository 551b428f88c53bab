import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { RefusalReason } from '../posts/types.ts'
import { ErrorBanner } from '../ui/feedback.tsx'
import { CheckboxField, NameFields, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'

/** Adds a refusal reason or renames one in both languages; the code is fixed once crossings may cite it. */
export function RefusalReasonForm({ reason, onDone }: { reason: RefusalReason | null; onDone(): void }) {
  const { t } = useI18n()
  const f = useForm({
    code: reason?.code ?? '',
    nameEn: reason?.nameEn ?? '',
    nameKm: reason?.nameKm ?? '',
    active: reason?.active ?? true,
  })
  const v = f.values
  const submit = f.submit(async () => {
    if (reason)
      await api('PATCH', `/api/refusal-reasons/${encodeURIComponent(reason.code)}`, {
        body: { nameEn: v.nameEn, nameKm: v.nameKm, active: v.active },
      })
    else
      await api('POST', '/api/refusal-reasons', {
        body: { code: v.code.trim().toLowerCase(), nameEn: v.nameEn, nameKm: v.nameKm },
        idempotencyKey: f.idempotencyKey,
      })
    onDone()
  })

  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{reason ? t('posts.reasons.edit', { code: reason.code }) : t('posts.reasons.add')}</h2>
      <ErrorBanner error={f.error} />
      {!reason && (
        <TextField
          label={t('posts.reasons.code')}
          required
          value={v.code}
          onChange={f.set('code')}
          error={f.fieldError('code')}
          hint={t('posts.reasons.codeHint')}
          autoFocus
        />
      )}
      <NameFields values={v} set={f.set} fieldError={f.fieldError} />
      {reason && (
        <CheckboxField
          label={t('web.common.active')}
          checked={v.active}
          onChange={(active) => f.setValues({ ...v, active })}
        />
      )}
      <FormActions onCancel={onDone} />
    </form>
  )
}
