import { type FormEvent, useState } from 'react'
import { ApiError, api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'

interface Authority {
  code: string
  country: string
  nameEn: string
  nameKm: string
  endpoint: string | null
  self: boolean
  demo: boolean
  contacts: { name: string; role: string; email: string | null; phone: string | null }[]
}
interface KeyState {
  kid: string
  use: 'sig' | 'enc'
  retired: boolean
  revoked: boolean
  revokedAt: string | null
  expiresAt: string | null
}

/** Administrators: our authority and the partners, their inbox endpoints and their keys' state (never key material). */
export function AuthoritiesCard() {
  const { t } = useI18n()
  const { data, error, reload } = useFetch<{ items: Authority[] }>('/api/exchange/authorities')
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <section className="card" aria-labelledby="auth-title" data-testid="authorities">
      <h2 id="auth-title">{t('exchange-admin.authorities.title')}</h2>
      <ErrorBanner error={error} />
      {data && data.items.length === 0 && <EmptyState title={t('exchange-admin.authorities.empty')} />}
      {data?.items.map((a) => (
        <article key={a.code} aria-label={a.nameEn} data-authority={a.code}>
          <h3>
            <span translate="no">{a.code}</span> ·{' '}
            {a.self ? t('exchange-admin.authorities.self') : t('exchange-admin.authorities.partner')}
          </h3>
          <dl>
            <dt>{t('exchange-admin.authorities.nameEn')}</dt>
            <dd lang="en">{a.nameEn}</dd>
            <dt>{t('exchange-admin.authorities.nameKm')}</dt>
            <dd lang="km">{a.nameKm}</dd>
            <dt>{t('exchange-admin.authorities.country')}</dt>
            <dd translate="no">{a.country}</dd>
            <dt>{t('exchange-admin.authorities.endpoint')}</dt>
            <dd translate="no" data-testid="endpoint">
              {a.endpoint ?? t('exchange-admin.authorities.byFiles')}
            </dd>
          </dl>
          <Keys code={a.code} />
          {!a.self &&
            (editing === a.code ? (
              <EndpointForm
                authority={a}
                onDone={() => {
                  setEditing(null)
                  reload()
                }}
              />
            ) : (
              <button type="button" onClick={() => setEditing(a.code)}>
                {t('exchange-admin.authorities.edit', { code: a.code })}
              </button>
            ))}
        </article>
      ))}
    </section>
  )
}

function Keys({ code }: { code: string }) {
  const { t, formatDateTime, formatDay } = useI18n()
  const { data } = useFetch<{ items: KeyState[] }>(`/api/exchange/authorities/${code}/keys`)
  const state = (k: KeyState) =>
    k.revoked && k.revokedAt
      ? t('exchange-admin.authorities.states.revoked', { time: formatDateTime(k.revokedAt) })
      : k.retired
        ? k.expiresAt
          ? t('exchange-admin.authorities.states.retired', { day: formatDay(k.expiresAt.slice(0, 10)) })
          : t('exchange-admin.authorities.states.retiredOpen')
        : t('exchange-admin.authorities.states.active')
  if (data && data.items.length === 0) return <p>{t('exchange-admin.authorities.noKeys')}</p>
  return (
    <table aria-label={`${t('exchange-admin.authorities.keys')} ${code}`}>
      <thead>
        <tr>
          <th>{t('exchange-admin.authorities.kid')}</th>
          <th>{t('exchange-admin.authorities.keys')}</th>
          <th>{t('exchange-admin.authorities.states.active')}</th>
        </tr>
      </thead>
      <tbody>
        {data?.items.map((k) => (
          <tr key={k.kid} data-state={k.revoked ? 'revoked' : k.retired ? 'retired' : 'active'}>
            <td translate="no">
              <code>{k.kid.slice(0, 12)}…</code>
            </td>
            <td>{t(`exchange-admin.authorities.uses.${k.use}`)}</td>
            <td>{state(k)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function EndpointForm({ authority, onDone }: { authority: Authority; onDone(): void }) {
  const { t } = useI18n()
  const [endpoint, setEndpoint] = useState(authority.endpoint ?? '')
  const [error, setError] = useState<unknown>()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    const { code: _, self: __, demo: ___, ...rest } = authority
    try {
      await api('PUT', `/api/exchange/authorities/${authority.code}`, {
        body: { ...rest, endpoint: endpoint.trim() || null },
      })
      onDone()
    } catch (err) {
      setError(err)
    }
  }
  const fieldError = error instanceof ApiError ? error.fieldError('endpoint') : undefined
  return (
    <form onSubmit={submit} aria-label={t('exchange-admin.authorities.edit', { code: authority.code })}>
      <ErrorBanner error={error} />
      <TextField
        label={t('exchange-admin.authorities.endpoint')}
        hint={t('exchange-admin.authorities.endpointHint')}
        error={fieldError}
        value={endpoint}
        maxLength={500}
        onChange={(e) => setEndpoint(e.target.value)}
      />
      <button type="submit" className="primary">
        {t('exchange-admin.authorities.save')}
      </button>
    </form>
  )
}
