import { type FormEvent, useState } from 'react'
import { ApiError, api } from '../api/client.ts'
import type { User } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'

export function ResetPasswordPanel({ user, onDone }: { user: User; onDone(): void }) {
  const { t } = useI18n()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await api('POST', `/api/users/${user.id}/password`, { body: { password } })
      onDone()
    } catch (err) {
      setError(err)
    }
  }
  const weak = error instanceof ApiError && error.code === 'weak_password'
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{t('web.users.resetPasswordFor', { username: user.username })}</h2>
      <ErrorBanner error={weak ? undefined : error} />
      <TextField
        label={t('web.users.temporaryPassword')}
        autoComplete="off"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={weak ? (error as ApiError).details.map((d) => d.message).join(' ') : undefined}
        hint={t('web.users.temporaryPasswordHint')}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={!password}>
          {t('web.users.resetPassword')}
        </button>
        <button type="button" onClick={onDone}>
          {t('web.common.cancel')}
        </button>
      </div>
    </form>
  )
}
