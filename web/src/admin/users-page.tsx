import { useState } from 'react'
import { api } from '../api/client.ts'
import type { Agency, Post, User } from '../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { actorOfUser, mayAdminister } from './grant-reach.ts'
import { ResetPasswordPanel } from './reset-password-panel.tsx'
import { ROLES, UserForm } from './user-form.tsx'

export function UsersPage() {
  const { t, locale } = useI18n()
  const { can, session } = useSession()
  const [search, setSearch] = useState('')
  const [role, setRole] = useState('')
  const query = new URLSearchParams({
    limit: '200',
    ...(search ? { search } : {}),
    ...(role ? { role } : {}),
  })
  const users = useFetch<{ items: User[]; total: number }>(`/api/users?${query}`)
  const agencies = useFetch<Agency[]>('/api/agencies')
  const posts = useFetch<Post[]>('/api/posts')
  const [editing, setEditing] = useState<User | 'new' | null>(null)
  const [resetting, setResetting] = useState<User | null>(null)
  const [error, setError] = useState<unknown>()
  const me = session ? actorOfUser(session.user) : null
  // The post by its name in the reader's language, as every other screen shows it; its code only until the list comes.
  const postName = (code: string | null) => {
    const p = code ? posts.data?.find((x) => x.code === code) : undefined
    return p ? (locale === 'km' ? p.nameKm : p.nameEn) : (code ?? '—')
  }
  // Accounts beyond the actor's reach (another agency, a wider scope) are listed but offer no actions.
  const may = (action: 'update' | 'disable' | 'reset_password', u: User) =>
    me !== null && mayAdminister(me, action, actorOfUser(u))

  const toggleDisabled = async (u: User) => {
    setError(undefined)
    try {
      await api('PATCH', `/api/users/${u.id}`, { body: { disabled: !u.disabled } })
      users.reload()
    } catch (err) {
      setError(err)
    }
  }
  const done = () => {
    setEditing(null)
    setResetting(null)
    users.reload()
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('web.nav.users')}</h1>
        {can('user:create') && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('web.users.add')}
          </button>
        )}
      </div>
      {/* The form's agency and post choices need both lists; opening it earlier would start with no agency. */}
      {editing !== null && session && agencies.data && posts.data && (
        <UserForm
          me={session.user}
          user={editing === 'new' ? null : editing}
          agencies={agencies.data}
          posts={posts.data}
          onDone={done}
        />
      )}
      {resetting && <ResetPasswordPanel user={resetting} onDone={done} />}
      <search className="filters">
        <TextField
          label={t('web.common.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <SelectField label={t('web.users.role')} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('web.common.all')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`web.roles.${r}`)}
            </option>
          ))}
        </SelectField>
      </search>
      <ErrorBanner error={error ?? users.error} />
      {users.loading && !users.data ? (
        <Loading />
      ) : users.data?.items.length === 0 ? (
        <EmptyState title={t('web.users.empty')} />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('web.signIn.username')}</th>
              <th scope="col">{t('web.users.displayName')}</th>
              <th scope="col">{t('web.users.role')}</th>
              <th scope="col">{t('web.users.agency')}</th>
              <th scope="col">{t('web.users.post')}</th>
              <th scope="col">{t('web.common.status')}</th>
              {can('user:update') && <th scope="col">{t('web.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((u) => (
              <tr key={u.id}>
                <td translate="no">{u.username}</td>
                <td translate="no">{u.displayName}</td>
                <td>{t(`web.roles.${u.role}`)}</td>
                <td>{u.agencyCode}</td>
                <td>{postName(u.postCode)}</td>
                <td>
                  {u.disabled
                    ? t('web.users.disabled')
                    : u.lockedUntil && new Date(u.lockedUntil) > new Date()
                      ? t('web.users.locked')
                      : t('web.common.active')}
                  {u.mustChangePassword && <div className="muted">{t('web.users.mustChange')}</div>}
                </td>
                {can('user:update') && (
                  <td className="row-actions">
                    {may('update', u) && (
                      <button type="button" onClick={() => setEditing(u)}>
                        {t('web.common.edit')}
                      </button>
                    )}
                    {may('reset_password', u) && (
                      <button type="button" onClick={() => setResetting(u)}>
                        {t('web.users.resetPassword')}
                      </button>
                    )}
                    {u.id !== session?.user.id && may(u.disabled ? 'update' : 'disable', u) && (
                      <button type="button" onClick={() => toggleDisabled(u)}>
                        {u.disabled ? t('web.users.enable') : t('web.users.disable')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {users.data && <p className="muted">{t('web.common.total', { count: users.data.total })}</p>}
    </>
  )
}
