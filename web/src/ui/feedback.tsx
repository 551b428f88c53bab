import { type ReactNode, useLayoutEffect, useRef, useState } from 'react'
import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { errorLines, shownAtFields, useFocusFirstInvalid } from './error-lines.ts'

/**
 * A refusal: the server's sentence, then one line per field naming it ("Reason: …"), except those the form
 * already shows under their own field; the cursor goes to the first marked field. A field-level detail that no
 * field on the page shows is listed here, so a refusal never points at nothing. `withFields`: list every field
 * refusal, for small forms that show no message beside their fields.
 */
export function ErrorBanner({ error, withFields = false }: { error: unknown; withFields?: boolean }) {
  const { t } = useI18n()
  const ref = useRef<HTMLDivElement>(null)
  const [atFields, setAtFields] = useState<Set<string> | null>(null)
  useLayoutEffect(() => {
    setAtFields(error instanceof ApiError ? shownAtFields(ref.current) : null)
  }, [error])
  useFocusFirstInvalid(error, ref)
  if (!error) return null
  const message =
    error instanceof ApiError
      ? error.code === 'network'
        ? t('web.common.network_error')
        : error.message
      : t('web.common.unexpected_error')
  const details =
    error instanceof ApiError
      ? error.details.filter(
          (d) => withFields || !d.path?.startsWith('body.') || (atFields && !atFields.has(d.message)),
        )
      : []
  const lines = errorLines(details)
  return (
    <div className="banner banner-error" role="alert" ref={ref}>
      <p>{message}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
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
