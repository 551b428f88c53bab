import { type TextareaHTMLAttributes, useEffect, useId, useRef, useState } from 'react'
import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { errorLines, useFocusFirstInvalid } from '../ui/error-lines.ts'
import type { PersonName } from './types.ts'

/**
 * Like the shell's error banner, but every detail is listed: a refusal by a protection rule is explained by its
 * own message, which the server translates (and in which it names a screening question by its wording).
 */
export function ProtectionError({ error }: { error: unknown }) {
  const { t } = useI18n()
  const ref = useRef<HTMLDivElement>(null)
  useFocusFirstInvalid(error, ref)
  if (!error) return null
  if (!(error instanceof ApiError))
    return (
      <div className="banner banner-error" role="alert">
        <p>{t('web.common.unexpected_error')}</p>
      </div>
    )
  const message = error.code === 'network' ? t('web.common.network_error') : error.message
  // The server's words, already in the user's language and naming the field or question; each line once.
  const details = errorLines(error.details)
  return (
    <div className="banner banner-error" role="alert" ref={ref}>
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function TextArea({
  label,
  hint,
  ...area
}: { label: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} style={{ width: '100%', font: 'inherit' }} {...area} />
      {hint && <small className="hint">{hint}</small>}
    </div>
  )
}

/** Latin name, with the Khmer one (family name first, as Khmer writes it) beside it when recorded. */
export function personName(p: PersonName | null | undefined): string {
  if (!p) return '—'
  const latin = `${p.familyLatin} ${p.givenLatin}`.trim()
  const khmer = `${p.familyKhmer ?? ''} ${p.givenKhmer ?? ''}`.trim()
  return khmer ? `${latin} (${khmer})` : latin || '—'
}

/** The `?id=` of the current address, following back and forward navigation. */
export function useQueryParam(name: string): string | null {
  const read = () => new URLSearchParams(window.location.search).get(name)
  const [value, setValue] = useState(read)
  useEffect(() => {
    const onPop = () => setValue(new URLSearchParams(window.location.search).get(name))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [name])
  return value
}

export function providerLabel(p: { nameEn: string; nameKm: string } | null, locale: string): string {
  if (!p) return '—'
  return locale === 'km' ? p.nameKm : p.nameEn
}
