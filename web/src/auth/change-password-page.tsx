import { type FormEvent, useState } from 'react'
import { ApiError, api } from '../api/client.ts'
import type { Session } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { useSession } from './session.tsx'

export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const { t } = useI18n()
  const { replace, signOut } = useSession()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<unknown>()
  const [done, setDone] = useState(false)

  const mismatch = confirm.length > 0 && next !== confirm
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (mismatch) return
    setError(undefined)
    try {
      const session = await api<Session>('POST', '/api/auth/password', {
        body: { currentPassword: current, newPassword: next },
      })
      setDone(true)
      replace(session)
    } catch (err) {
      setError(err)
    }
  }
  const newPasswordError =
    error instanceof ApiError ? error.details.map((d) => d.message).join(' ') : undefined

  return (
    <main className={forced ? 'sign-in' : 'page'}>
      <div className={forced ? 'sign-in-card' : 'card narrow'}>
        <h1>{t('web.password.title')}</h1>
        {forced && <p>{t('web.password.forcedIntro')}</p>}
        <p className="hint">{t('web.password.rules')}</p>
        {done && !forced && (
          <p className="banner banner-ok" role="status">
            {t('web.password.changed')}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <ErrorBanner
            error={error instanceof ApiError && error.code === 'weak_password' ? undefined : error}
          />
          <TextField
            label={t('web.password.current')}
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <TextField
            label={t('web.password.new')}
            type="password"
            autoComplete="new-password"
            required
            value={next}
            error={newPasswordError}
            onChange={(e) => setNext(e.target.value)}
          />
          <TextField
            label={t('web.password.confirm')}
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            error={mismatch ? t('web.password.mismatch') : undefined}
            onChange={(e) => setConfirm(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={!current || !next || mismatch}>
              {t('web.password.submit')}
            </button>
            {forced && (
              <button type="button" onClick={signOut}>
                {t('web.shell.signOut')}
              </button>
            )}
          </div>
        </form>
      </div>
    </main>
  )
}
