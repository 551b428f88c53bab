import { type FormEvent, useState } from 'react'
import { ApiError, api, newIdempotencyKey } from '../api/client.ts'
import type { Agency } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
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
  const [f, setF] = useState({
    code: agency?.code ?? '',
    nameEn: agency?.nameEn ?? '',
    nameKm: agency?.nameKm ?? '',
    kind: agency?.kind ?? 'ngo',
    active: agency?.active ?? true,
  })
  const [error, setError] = useState<unknown>()
  const [key] = useState(newIdempotencyKey)
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value })
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      const body = { nameEn: f.nameEn, nameKm: f.nameKm, kind: f.kind }
      if (agency)
        await api('PATCH', `/api/agencies/${encodeURIComponent(agency.code)}`, {
          body: { ...body, active: f.active },
        })
      else
        await api('POST', '/api/agencies', {
          body: { code: f.code.toUpperCase(), ...body },
          idempotencyKey: key,
        })
      onDone()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{agency ? t('web.agencies.edit', { code: agency.code }) : t('web.agencies.add')}</h2>
      <ErrorBanner error={error} />
      {!agency && (
        <TextField
          label={t('web.agencies.code')}
          required
          value={f.code}
          onChange={set('code')}
          error={fieldError('code')}
        />
      )}
      <TextField
        label={t('web.common.nameEn')}
        required
        value={f.nameEn}
        onChange={set('nameEn')}
        error={fieldError('nameEn')}
      />
      <TextField
        label={t('web.common.nameKm')}
        lang="km"
        required
        value={f.nameKm}
        onChange={set('nameKm')}
        error={fieldError('nameKm')}
      />
      <SelectField label={t('web.agencies.kind')} value={f.kind} onChange={set('kind')}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`web.agencies.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {agency && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={f.active}
            onChange={(e) => setF({ ...f, active: e.target.checked })}
          />
          {t('web.common.active')}
        </label>
      )}
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
