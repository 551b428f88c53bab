import { api } from '../api/client.ts'
import type { User } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'

export function ResetPasswordPanel({ user, onDone }: { user: User; onDone(): void }) {
  const { t } = useI18n()
  const f = useForm({ password: '' })
  const submit = f.submit(async () => {
    await api('POST', `/api/users/${user.id}/password`, { body: { password: f.values.password } })
    onDone()
  })
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{t('web.users.resetPasswordFor', { username: user.username })}</h2>
      <ErrorBanner error={f.bannerError()} />
      <TextField
        label={t('web.users.temporaryPassword')}
        autoComplete="off"
        required
        value={f.values.password}
        onChange={f.set('password')}
        error={f.passwordError()}
        hint={t('web.users.temporaryPasswordHint')}
      />
      <FormActions
        onCancel={onDone}
        submitLabel={t('web.users.resetPassword')}
        disabled={!f.values.password}
      />
    </form>
  )
}
