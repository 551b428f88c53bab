import type { ReactNode } from 'react'
import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'

/** `withFields`: list the field refusals too, for small forms that show no message beside each field. */
export function ErrorBanner({ error, withFields = false }: { error: unknown; withFields?: boolean }) {
  const { t } = useI18n()
  if (!error) return null
  const message =
    error instanceof ApiError
      ? error.code === 'network'
        ? t('web.common.network_error')
        : error.message
      : t('web.common.unexpected_error')
  const details =
    error instanceof ApiError ? error.details.filter((d) => withFields || !d.path?.startsWith('body.')) : []
  return (
    <div className="banner banner-error" role="alert">
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={`${d.path}-${d.code}`}>{d.message}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  )
}

export function Loading() {
  const { t } = useI18n()
  return (
    <p className="loading" aria-live="polite">
      {t('web.common.loading')}
    </p>
  )
}
