import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'

/** The API's translated message with every detail, field ones included (these forms are small). */
export function PlanError({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (!error) return null
  const message =
    error instanceof ApiError
      ? error.code === 'network'
        ? t('web.common.network_error')
        : error.message
      : t('web.common.unexpected_error')
  const details = error instanceof ApiError ? error.details : []
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
