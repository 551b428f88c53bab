import { api } from '../api/client.ts'
import type { Agency, Post, User } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'

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
  const form = useForm({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'frontline_officer',
    agencyCode: user?.agencyCode ?? agencies[0]?.code ?? '',
    postCode: user?.postCode ?? '',
    scope: user?.scope ?? 'post',
    password: '',
  })
  const { set, fieldError, values: f } = form
  const submit = form.submit(async () => {
    const body = {
      displayName: f.displayName,
      role: f.role,
      agencyCode: f.agencyCode,
      postCode: f.postCode || null,
      scope: f.scope,
    }
    if (user) await api('PATCH', `/api/users/${user.id}`, { body })
    else {
      await api('POST', '/api/users', {
        body: { ...body, username: f.username, password: f.password },
        idempotencyKey: form.idempotencyKey,
      })
    }
    onDone()
  })

  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{user ? t('web.users.edit', { username: user.username }) : t('web.users.add')}</h2>
      <ErrorBanner error={form.bannerError()} />
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
          error={form.passwordError()}
          hint={t('web.users.temporaryPasswordHint')}
        />
      )}
      <FormActions onCancel={onDone} />
    </form>
  )
}
