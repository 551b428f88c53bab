import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { DateField, SelectField, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'
import { CATEGORIES, type PersonEntry, SENSITIVITIES } from './types.ts'

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean)

/** Adds or edits a person entry; every change carries a reason for the audit log. */
export function PersonForm({
  listId,
  entry,
  onDone,
}: {
  listId: string
  entry: PersonEntry | null
  onDone(): void
}) {
  const { t } = useI18n()
  const f = useForm({
    names: entry?.names.join('\n') ?? '',
    birthDate: entry?.birthDate ?? '',
    nationality: entry?.nationality.join(' ') ?? '',
    sex: entry?.sex ?? '',
    category: entry?.category ?? 'wanted',
    documents:
      entry?.documents.map((d) => [d.issuingState ?? '', d.type ?? '', d.number].join(':')).join('\n') ?? '',
    handling: entry?.handling ?? '',
    source: entry?.source ?? '',
    validUntil: entry?.validUntil ?? '',
    reviewDate: entry?.reviewDate ?? '',
    sensitivity: entry?.sensitivity ?? 'normal',
    reason: '',
  })
  const v = f.values
  const submit = f.submit(async () => {
    const body = {
      entry: {
        names: lines(v.names),
        birthDate: v.birthDate || null,
        nationality: v.nationality.split(/[\s,]+/).filter(Boolean),
        sex: v.sex || null,
        category: v.category,
        documents: lines(v.documents).map((d) => {
          const parts = d.split(':')
          const number = parts.pop() ?? ''
          const [issuingState, type] = parts
          return { ...(issuingState ? { issuingState } : {}), ...(type ? { type } : {}), number }
        }),
        handling: v.handling,
        source: v.source,
        validUntil: v.validUntil || null,
        reviewDate: v.reviewDate || null,
        sensitivity: v.sensitivity,
        ...(entry ? { externalId: entry.externalId } : {}),
      },
      reason: v.reason,
    }
    if (entry) await api('PATCH', `/api/watchlists/${listId}/persons/${entry.id}`, { body })
    else await api('POST', `/api/watchlists/${listId}/persons`, { body, idempotencyKey: f.idempotencyKey })
    onDone()
  })
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{entry ? t('watchlists.entry.editPerson') : t('watchlists.entry.addPerson')}</h2>
      <ErrorBanner error={f.error} />
      <div className="field">
        <label htmlFor="entry-names">{t('watchlists.entry.names')}</label>
        <textarea
          id="entry-names"
          rows={3}
          value={v.names}
          onChange={f.set('names')}
          aria-describedby="entry-names-hint"
        />
        <small id="entry-names-hint" className="hint">
          {t('watchlists.entry.namesHint')}
        </small>
      </div>
      <TextField
        label={t('watchlists.entry.birthDate')}
        value={v.birthDate}
        onChange={f.set('birthDate')}
        hint={t('watchlists.screen.birthDateHint')}
        error={f.fieldError('entry.birthDate')}
      />
      <TextField
        label={t('watchlists.entry.nationality')}
        value={v.nationality}
        onChange={f.set('nationality')}
      />
      <SelectField label={t('watchlists.screen.sex')} value={v.sex} onChange={f.set('sex')}>
        <option value="">—</option>
        {(['F', 'M', 'X'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`watchlists.sex.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('watchlists.entry.category')} value={v.category} onChange={f.set('category')}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`watchlists.categories.${c}`)}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <label htmlFor="entry-documents">{t('watchlists.entry.documents')}</label>
        <textarea
          id="entry-documents"
          rows={2}
          value={v.documents}
          onChange={f.set('documents')}
          aria-describedby="entry-documents-hint"
        />
        <small id="entry-documents-hint" className="hint">
          {t('watchlists.entry.documentsHint')}
        </small>
      </div>
      <TextField label={t('watchlists.entry.handling')} value={v.handling} onChange={f.set('handling')} />
      <TextField label={t('watchlists.entry.source')} value={v.source} onChange={f.set('source')} />
      <DateField
        label={t('watchlists.entry.validUntil')}
        value={v.validUntil}
        onChange={f.set('validUntil')}
      />
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
