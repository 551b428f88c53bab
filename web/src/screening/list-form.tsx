import { api } from '../api/client.ts'
import type { Agency } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'
import { useFetch } from '../ui/use-fetch.ts'

/** A new alert list; an investigator creates lists for their own agency, an administrator for any. */
export function ListForm({ onDone }: { onDone(): void }) {
  const { t, locale } = useI18n()
  const { session } = useSession()
  const agencies = useFetch<Agency[]>('/api/agencies')
  const f = useForm({
    name: '',
    ownerAgency: session!.user.agencyCode,
    kind: 'mixed',
    description: '',
    reason: '',
  })
  const v = f.values
  const submit = f.submit(async () => {
    await api('POST', '/api/watchlists', { body: v, idempotencyKey: f.idempotencyKey })
    onDone()
  })
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{t('watchlists.lists.add')}</h2>
      <ErrorBanner error={f.error} />
      <TextField
        label={t('watchlists.lists.name')}
        required
        value={v.name}
        onChange={f.set('name')}
        error={f.fieldError('name')}
      />
      <SelectField label={t('watchlists.lists.owner')} value={v.ownerAgency} onChange={f.set('ownerAgency')}>
        {(agencies.data ?? []).map((a) => (
          <option key={a.code} value={a.code}>
            {locale === 'km' ? a.nameKm : a.nameEn}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('watchlists.lists.kind')} value={v.kind} onChange={f.set('kind')}>
        {(['mixed', 'persons', 'documents'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`watchlists.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('watchlists.lists.description')}
        value={v.description}
        onChange={f.set('description')}
      />
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
