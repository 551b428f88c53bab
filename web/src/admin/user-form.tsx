import { api } from '../api/client.ts'
import type { Agency, Post, User } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'
import { CODE_HOLE, WithCode } from '../ui/with-code.tsx'
import { actorOfUser, grantOptions } from './grant-reach.ts'

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

interface Props {
  /** The signed-in administrator: the form offers only the placements they may grant. */
  me: User
  user: User | null
  agencies: Agency[]
  posts: Post[]
  onDone(): void
}

export function UserForm({ me, user, agencies, posts, onDone }: Props) {
  const { t, locale } = useI18n()
  const reach = grantOptions(actorOfUser(me))
  // Nobody changes their own placement: on one's own account only the name is editable.
  const own = user?.id === me.id
  const agencyChoices = reach.agencyCode ? agencies.filter((a) => a.code === reach.agencyCode) : agencies
  const postChoices = reach.postCode ? posts.filter((p) => p.code === reach.postCode) : posts
  const form = useForm({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'frontline_officer',
    agencyCode: user?.agencyCode ?? agencyChoices[0]?.code ?? '',
    postCode: user?.postCode ?? reach.postCode ?? '',
    scope: user?.scope ?? 'post',
    password: '',
  })
  const { set, fieldError, values: f } = form
  const submit = form.submit(async () => {
    const placement = { role: f.role, agencyCode: f.agencyCode, postCode: f.postCode || null, scope: f.scope }
    const body = own ? { displayName: f.displayName } : { displayName: f.displayName, ...placement }
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
      <h2>
        {user ? (
          <WithCode text={t('web.users.edit', { username: CODE_HOLE })} code={user.username} />
        ) : (
          t('web.users.add')
        )}
      </h2>
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
      {own && <p className="muted">{t('web.users.ownPlacement')}</p>}
      <SelectField
        label={t('web.users.role')}
        value={f.role}
        onChange={set('role')}
        disabled={own}
        error={fieldError('role')}
      >
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
        disabled={own}
        error={fieldError('agencyCode')}
      >
        {(own ? agencies.filter((a) => a.code === f.agencyCode) : agencyChoices).map((a) => (
          <option key={a.code} value={a.code}>
            {a.code} — {locale === 'km' ? a.nameKm : a.nameEn}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('web.users.post')}
        value={f.postCode}
        onChange={set('postCode')}
        disabled={own}
        error={fieldError('postCode')}
      >
        {(own || !reach.postCode) && <option value="">{t('web.users.noPost')}</option>}
        {(own ? posts.filter((p) => p.code === f.postCode) : postChoices).map((p) => (
          <option key={p.code} value={p.code}>
            {locale === 'km' ? p.nameKm : p.nameEn}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('web.users.scope')}
        value={f.scope}
        onChange={set('scope')}
        disabled={own}
        error={fieldError('scope')}
      >
        {(own ? [f.scope] : reach.scopes).map((s) => (
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
