import { type FormEvent, useState } from 'react'
import { ROLES as ALL_ROLES } from '../admin/user-form.tsx'
import { ApiError, api } from '../api/client.ts'
import type { Agency, Post } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'

interface Client {
  clientId: string
  agencyCode: string
  role: string
  scope: string
  postCode: string | null
  active: boolean
  note: string
}
interface Setup {
  provider: string | null
  services: { code: string; methods: string[] }[]
  clients: Client[]
}

// An X-Road client acts for a system, never as an administrator (the server refuses it too).
const ROLES = ALL_ROLES.filter((r) => r !== 'administrator')
const SCOPES = ['post', 'agency', 'national']
const BLANK: Client = {
  clientId: '',
  agencyCode: '',
  role: 'analyst',
  scope: 'agency',
  postCode: null,
  active: true,
  note: '',
}

/** Administrators: which CamDX subsystems may call the published exchange services, and as which role. */
export function XroadCard() {
  const { t, locale } = useI18n()
  const { data, error, reload } = useFetch<Setup>('/api/exchange/xroad')
  const agencies = useFetch<Agency[]>('/api/agencies')
  const posts = useFetch<Post[]>('/api/posts')
  const [form, setForm] = useState<Client>(BLANK)
  const [saveError, setSaveError] = useState<unknown>()
  const [saved, setSaved] = useState(false)
  const name = (x: { nameEn: string; nameKm: string } | undefined, code: string | null) =>
    x ? (locale === 'km' ? x.nameKm : x.nameEn) : (code ?? '—')
  const set = (k: keyof Client) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value })
  const fieldError = (f: string) => (saveError instanceof ApiError ? saveError.fieldError(f) : undefined)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setSaveError(undefined)
    setSaved(false)
    try {
      await api('PUT', '/api/exchange/xroad/clients', {
        body: { ...form, postCode: form.scope === 'post' ? form.postCode || null : null },
      })
      setSaved(true)
      setForm(BLANK)
      reload()
    } catch (err) {
      setSaveError(err)
    }
  }
  return (
    <section className="card" aria-labelledby="xroad-title" data-testid="xroad-clients">
      <h2 id="xroad-title">{t('exchange-admin.xroad.title')}</h2>
      <ErrorBanner error={error} />
      {data && (
        <p translate="no">
          {data.provider
            ? t('exchange-admin.xroad.provider', { provider: data.provider })
            : t('exchange-admin.xroad.notPublished')}
        </p>
      )}
      {data && (
        <p>
          {t('exchange-admin.xroad.services')}:{' '}
          <span translate="no">
            {data.services.map((s) => `${s.code} (${s.methods.join(', ')})`).join(' · ')}
          </span>
        </p>
      )}
      {data && data.clients.length === 0 ? (
        <EmptyState title={t('exchange-admin.xroad.empty')} />
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('exchange-admin.xroad.client')}</th>
              <th>{t('exchange-admin.xroad.agency')}</th>
              <th>{t('exchange-admin.xroad.role')}</th>
              <th>{t('exchange-admin.xroad.scope')}</th>
              <th>{t('exchange-admin.xroad.active')}</th>
              <th>{t('exchange-admin.xroad.note')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data?.clients.map((c) => (
              <tr key={c.clientId} data-client={c.clientId}>
                <td translate="no">{c.clientId}</td>
                <td>
                  {name(
                    agencies.data?.find((a) => a.code === c.agencyCode),
                    c.agencyCode,
                  )}
                </td>
                <td>{t(`web.roles.${c.role}`)}</td>
                <td>
                  {t(`web.scopes.${c.scope}`)}
                  {c.postCode
                    ? ` · ${name(
                        posts.data?.find((p) => p.code === c.postCode),
                        c.postCode,
                      )}`
                    : ''}
                </td>
                <td>{c.active ? t('exchange-admin.xroad.on') : t('exchange-admin.xroad.off')}</td>
                <td>{c.note}</td>
                <td>
                  <button type="button" onClick={() => setForm(c)}>
                    {t('exchange-admin.xroad.edit', { client: c.clientId })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={submit} aria-labelledby="xroad-form-title">
        <h3 id="xroad-form-title">{t('exchange-admin.xroad.form')}</h3>
        <ErrorBanner error={saveError} />
        <TextField
          label={t('exchange-admin.xroad.client')}
          hint={t('exchange-admin.xroad.clientHint')}
          error={fieldError('clientId')}
          value={form.clientId}
          maxLength={400}
          required
          onChange={set('clientId')}
        />
        <SelectField
          label={t('exchange-admin.xroad.agency')}
          error={fieldError('agencyCode')}
          value={form.agencyCode}
          onChange={set('agencyCode')}
          required
        >
          <option value="" />
          {agencies.data?.map((a) => (
            <option key={a.code} value={a.code}>
              {name(a, a.code)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('exchange-admin.xroad.role')}
          error={fieldError('role')}
          value={form.role}
          onChange={set('role')}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`web.roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('exchange-admin.xroad.scope')}
          error={fieldError('scope')}
          value={form.scope}
          onChange={set('scope')}
        >
          {SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`web.scopes.${s}`)}
            </option>
          ))}
        </SelectField>
        {form.scope === 'post' && (
          <SelectField
            label={t('exchange-admin.xroad.post')}
            error={fieldError('postCode')}
            value={form.postCode ?? ''}
            onChange={set('postCode')}
          >
            <option value="" />
            {posts.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {name(p, p.code)}
              </option>
            ))}
          </SelectField>
        )}
        <label>
          <input
            type="checkbox"
            checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.target.checked })}
          />{' '}
          {t('exchange-admin.xroad.active')}
        </label>
        <TextField
          label={t('exchange-admin.xroad.note')}
          error={fieldError('note')}
          value={form.note}
          maxLength={300}
          onChange={set('note')}
        />
        <button type="submit" className="primary">
          {t('exchange-admin.xroad.save')}
        </button>
        {saved && (
          <p className="banner banner-success" role="status">
            {t('exchange-admin.xroad.saved')}
          </p>
        )}
      </form>
    </section>
  )
}
