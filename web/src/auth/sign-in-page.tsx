import { type FormEvent, useState } from 'react'
import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from '../shell/language-switch.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { useSession } from './session.tsx'

export function SignInPage() {
  const { t } = useI18n()
  const { signIn } = useSession()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await signIn(username.trim(), password)
    } catch (err) {
      setError(err)
      if (err instanceof ApiError) setPassword('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-head">
          <h1>
            <span className="brand-mark" aria-hidden="true">
              P
            </span>{' '}
            Passage
          </h1>
          <LanguageSwitch />
        </div>
        <p className="tagline">{t('web.signIn.tagline')}</p>
        <form onSubmit={submit} noValidate>
          <h2>{t('web.signIn.title')}</h2>
          <ErrorBanner error={error} />
          <TextField
            label={t('web.signIn.username')}
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <TextField
            label={t('web.signIn.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy || !username || !password}>
            {busy ? t('web.signIn.signingIn') : t('web.signIn.submit')}
          </button>
        </form>
      </div>
    </main>
  )
}
