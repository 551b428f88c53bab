import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError, api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { type AnswerMap, ScreeningFields } from './screening-fields.tsx'
import { ProtectionError } from './shared.tsx'
import type { CaseView, IdentificationForm } from './types.ts'

/**
 * The identification the border left to the social worker (a mass-return referral): the whole form, "Not sure"
 * for whatever the person cannot say, and every unanswered question named in words and marked at once.
 */
export function CaseIdentify({ c, onChanged }: { c: CaseView; onChanged(): void }) {
  const { t } = useI18n()
  const form = useFetch<IdentificationForm>('/api/protection/identification-form')
  const [answers, setAnswers] = useState<AnswerMap>({})
  const [error, setError] = useState<unknown>()
  const [key, setKey] = useState(newIdempotencyKey)
  const [busy, setBusy] = useState(false)
  const ref = useRef<HTMLFormElement>(null)
  const errorOf = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined)
  // The first question the server named gets the focus, so the keyboard lands where the work is.
  useEffect(() => {
    if (error) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [error])
  if (!form.data) return null
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(undefined)
    try {
      await api('POST', `/api/protection/cases/${c.id}/identification`, {
        body: { answers },
        idempotencyKey: key,
      })
      setKey(newIdempotencyKey())
      onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form ref={ref} onSubmit={submit} className="card" aria-labelledby="identify" data-testid="identify">
      <h2 id="identify">{t('cases.identify.title')}</h2>
      <p className="hint">{t('cases.identify.hint')}</p>
      <ProtectionError error={error} />
      <ScreeningFields form={form.data} answers={answers} onChange={setAnswers} errorOf={errorOf} />
      <button type="submit" className="primary" disabled={busy}>
        {t('cases.identify.submit')}
      </button>
    </form>
  )
}
