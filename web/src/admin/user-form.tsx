import { type FormEvent, useState } from 'react'
import { ApiError, api, newIdempotencyKey } from '../api/client.ts'
import type { Agency, Post, User } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'

export const ROLES = [
  'frontline_officer',
  'shift_supervisor',
  'post_chief',
  'investigator',
  'social_worker',
  'case_manager',
  'analyst',
  'administrator',
] as const
const SCOPES = ['post', 'agency', 'national'] as const

interface Props {
  user: User | null
  agencies: Agency[]
  posts: Post[]
  onDone(): void
}

export function UserForm({ user, agencies, posts, onDone }: Props) {
  const { t, locale } = useI18n()
  const [f, setF] = useState({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'frontline_officer',
    agencyCode: user?.agencyCode ?? agencies[0]?.code ?? '',
    postCode: user?.postCode ?? '',
    scope: user?.scope ?? 'post',
    password: '',
  })
  const [error, setError] = useState<unknown>()
  const [key] = useState(newIdempotencyKey)
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value })
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const body = {
      displayName: f.displayName,
      role: f.role,
      agencyCode: f.agencyCode,
      postCode: f.postCode || null,
      scope: f.scope,
    }
    try {
      if (user) await api('PATCH', `/api/users/${user.id}`, { body })
      else
        await api('POST', '/api/users', {
          body: { ...body, username: f.username, password: f.password },
          idempotencyKey: key,
        })
      onDone()
    } catch (err) {
      setError(err)
    }
  }
  const passwordError =
    error instanceof ApiError && error.code === 'weak_password'
      ? error.details.map((d) => d.message).join(' ')
      : undefined

  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{user ? t('web.users.edit', { username: user.username }) : t('web.users.add')}</h2>
      <ErrorBanner error={error instanceof ApiError && error.code === 'weak_password' ? undefined : error} />
      {!user && (
        <TextField
          label={t('web.signIn.username')}
          required
          autoComplete="off"
          value={f.username}
          onChange={set('username')}
          error={fieldError('username')}
        />
      )}
      <TextField
        label={t('web.users.displayName')}
        required
        value={f.displayName}
        onChange={set('displayName')}
        error={fieldError('displayName')}
      />
      <SelectField label={t('web.users.role')} value={f.role} onChange={set('role')}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`web.roles.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('web.users.agency')}
        value={f.agencyCode}
        onChange={set('agencyCode')}
        error={fieldError('agencyCode')}
      >
        {agencies.map((a) => (
          <option key={a.code} value={a.code}>
            {a.code} — {locale === 'km' ? a.nameKm : a.nameEn}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('web.users.post')}
        value={f.postCode}
        onChange={set('postCode')}
        error={fieldError('postCode')}
      >
        <option value="">{t('web.users.noPost')}</option>
        {posts.map((p) => (
          <option key={p.code} value={p.code}>
            {locale === 'km' ? p.nameKm : p.nameEn}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('web.users.scope')} value={f.scope} onChange={set('scope')}>
        {SCOPES.map((s) => (
          <option key={s} value={s}>
            {t(`web.scopes.${s}`)}
          </option>
        ))}
      </SelectField>
      {!user && (
        <TextField
          label={t('web.users.temporaryPassword')}
          type="text"
          autoComplete="off"
          required
          value={f.password}
          onChange={set('password')}
          error={passwordError}
          hint={t('web.users.temporaryPasswordHint')}
        />
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
