import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { DateField, SelectField, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'
import { DOCUMENT_STATUSES, type DocumentEntry, SENSITIVITIES } from './types.ts'

/** Adds or edits a lost, stolen, revoked or invalid document, with the reason for the change. */
export function DocumentForm({
  listId,
  entry,
  onDone,
}: {
  listId: string
  entry: DocumentEntry | null
  onDone(): void
}) {
  const { t } = useI18n()
  const f = useForm({
    issuingState: entry?.issuingState ?? 'KHM',
    type: entry?.type ?? 'P',
    number: entry?.number ?? '',
    status: entry?.status ?? 'stolen',
    handling: entry?.handling ?? '',
    source: entry?.source ?? '',
    reviewDate: entry?.reviewDate ?? '',
    sensitivity: entry?.sensitivity ?? 'normal',
    reason: '',
  })
  const v = f.values
  const submit = f.submit(async () => {
    const { reason, reviewDate, type, ...rest } = v
    const body = {
      entry: {
        ...rest,
        type: type || null,
        reviewDate: reviewDate || null,
        ...(entry ? { externalId: entry.externalId } : {}),
      },
      reason,
    }
    if (entry) await api('PATCH', `/api/watchlists/${listId}/documents/${entry.id}`, { body })
    else await api('POST', `/api/watchlists/${listId}/documents`, { body, idempotencyKey: f.idempotencyKey })
    onDone()
  })
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{entry ? t('watchlists.entry.editDocument') : t('watchlists.entry.addDocument')}</h2>
      <ErrorBanner error={f.error} />
      <TextField
        label={t('watchlists.screen.issuingState')}
        maxLength={3}
        required
        value={v.issuingState}
        onChange={f.set('issuingState')}
      />
      <TextField label={t('watchlists.entry.documentType')} value={v.type} onChange={f.set('type')} />
      <TextField
        label={t('watchlists.screen.documentNumber')}
        required
        value={v.number}
        onChange={f.set('number')}
      />
      <SelectField label={t('watchlists.entry.documentStatus')} value={v.status} onChange={f.set('status')}>
        {DOCUMENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`watchlists.documentStatuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('watchlists.entry.handling')} value={v.handling} onChange={f.set('handling')} />
      <TextField label={t('watchlists.entry.source')} value={v.source} onChange={f.set('source')} />
      <DateField
        label={t('watchlists.entry.reviewDate')}
        value={v.reviewDate}
        onChange={f.set('reviewDate')}
      />
      <SelectField
        label={t('watchlists.entry.sensitivity')}
        value={v.sensitivity}
        onChange={f.set('sensitivity')}
      >
        {SENSITIVITIES.map((s) => (
          <option key={s} value={s}>
            {t(`watchlists.sensitivities.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('watchlists.common.reason')}
        required
        value={v.reason}
        onChange={f.set('reason')}
        error={f.fieldError('reason')}
      />
      <FormActions onCancel={onDone} />
    </form>
  )
}
