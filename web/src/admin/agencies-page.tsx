import { useState } from 'react'
import { api } from '../api/client.ts'
import type { Agency } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { CheckboxField, NameFields, SelectField, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'
import { useFetch } from '../ui/use-fetch.ts'

const KINDS = [
  'immigration',
  'police',
  'customs',
  'social_affairs',
  'counter_trafficking',
  'international',
  'ngo',
] as const

function AgencyForm({ agency, onDone }: { agency: Agency | null; onDone(): void }) {
  const { t } = useI18n()
  const f = useForm({
    code: agency?.code ?? '',
    nameEn: agency?.nameEn ?? '',
    nameKm: agency?.nameKm ?? '',
    kind: agency?.kind ?? 'ngo',
    active: agency?.active ?? true,
  })
  const v = f.values
  const submit = f.submit(async () => {
    const body = { nameEn: v.nameEn, nameKm: v.nameKm, kind: v.kind }
    if (agency)
      await api('PATCH', `/api/agencies/${encodeURIComponent(agency.code)}`, {
        body: { ...body, active: v.active },
      })
    else
      await api('POST', '/api/agencies', {
        body: { code: v.code.toUpperCase(), ...body },
        idempotencyKey: f.idempotencyKey,
      })
    onDone()
  })
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{agency ? t('web.agencies.edit', { code: agency.code }) : t('web.agencies.add')}</h2>
      <ErrorBanner error={f.error} />
      {!agency && (
        <TextField
          label={t('web.agencies.code')}
          required
          value={v.code}
          onChange={f.set('code')}
          error={f.fieldError('code')}
        />
      )}
      <NameFields values={v} set={f.set} fieldError={f.fieldError} />
      <SelectField label={t('web.agencies.kind')} value={v.kind} onChange={f.set('kind')}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`web.agencies.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {agency && (
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

export function AgenciesPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const agencies = useFetch<Agency[]>('/api/agencies')
  const [editing, setEditing] = useState<Agency | 'new' | null>(null)
  return (
    <>
      <div className="page-head">
        <h1>{t('web.nav.agencies')}</h1>
        {can('agency:create') && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('web.agencies.add')}
          </button>
        )}
      </div>
      {editing !== null && (
        <AgencyForm
          agency={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null)
            agencies.reload()
          }}
        />
      )}
      <ErrorBanner error={agencies.error} />
      {agencies.loading && !agencies.data ? (
        <Loading />
      ) : agencies.data?.length === 0 ? (
        <EmptyState title={t('web.agencies.empty')} />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('web.agencies.code')}</th>
              <th scope="col">{t('web.posts.name')}</th>
              <th scope="col">{t('web.agencies.kind')}</th>
              <th scope="col">{t('web.common.status')}</th>
              {can('agency:update') && <th scope="col">{t('web.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {agencies.data?.map((a) => (
              <tr key={a.code}>
                <td>{a.code}</td>
                <td>{locale === 'km' ? a.nameKm : a.nameEn}</td>
                <td>{t(`web.agencies.kinds.${a.kind}`)}</td>
                <td>{a.active ? t('web.common.active') : t('web.common.inactive')}</td>
                {can('agency:update') && (
                  <td>
                    <button type="button" onClick={() => setEditing(a)}>
                      {t('web.common.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
