import { useEffect, useState } from 'react'
import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'

/** A refusal's details with their message: engine codes (`risk.rule.cycle`) are message keys with parameters. */
export function riskDetails(error: unknown, t: (k: string, p?: Record<string, unknown>) => string) {
  if (!(error instanceof ApiError)) return []
  return error.details.map((d) => {
    const params = (d as unknown as { params?: Record<string, unknown> }).params ?? {}
    const message = d.code.startsWith('risk.') ? t(d.code, params) : d.message
    return { path: d.path ?? '', code: d.code, message }
  })
}

/** The error banner for risk screens, listing every refusal with its translated reason. */
export function RiskError({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (!error) return null
  const message =
    error instanceof ApiError
      ? error.code === 'network'
        ? t('web.common.network_error')
        : error.message
      : t('web.common.unexpected_error')
  const details = riskDetails(error, t)
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

/** A parameter of the current address (`?id=`), following back and forward navigation. */
export function useSearchParam(name: string): string | null {
  const [value, setValue] = useState(() => new URLSearchParams(window.location.search).get(name))
  useEffect(() => {
    const onPop = () => setValue(new URLSearchParams(window.location.search).get(name))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [name])
  return value
}

/** The action label: every action, including "none", is translated under `risk.actions`. */
export function useActionLabel() {
  const { t } = useI18n()
  return (action: string) => t(`risk.actions.${action}`)
}
