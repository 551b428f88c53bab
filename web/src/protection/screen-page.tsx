import { type FormEvent, useState } from 'react'
import { ApiError, api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { navigate } from '../shell/router.tsx'
import { Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { emptyPerson, PersonFields, personBody } from './person-fields.tsx'
import { type AnswerMap, ScreeningFields } from './screening-fields.tsx'
import { ProtectionError } from './shared.tsx'
import type { IdentificationForm } from './types.ts'

interface Screened {
  personId: string
  identification: {
    outcome: string
    vulnerabilities: string[]
    bestInterestsSteps: string[]
    suggestedServices: string[]
  }
}

/**
 * A social worker's own screening (a returnee at the centre, a walk-in): the recommendation, then, if they
 * decide so, a case opened for the person in their agency.
 */
export function ScreenPage() {
  const { t } = useI18n()
  const form = useFetch<IdentificationForm>('/api/protection/identification-form')
  const [person, setPerson] = useState(emptyPerson)
  const [answers, setAnswers] = useState<AnswerMap>({})
  const [context, setContext] = useState<'standalone' | 'returnee'>('returnee')
  const [keys, setKeys] = useState({ screen: newIdempotencyKey(), open: newIdempotencyKey() })
  const [done, setDone] = useState<Screened | null>(null)
  const [error, setError] = useState<unknown>()
  const fieldError = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    try {
      const body = { person: personBody(person), answers, context }
      setDone(
        await api<Screened>('POST', '/api/protection/screenings', { body, idempotencyKey: keys.screen }),
      )
    } catch (err) {
      setError(err)
    }
  }
  const openCase = async () => {
    try {
      const body = { personId: done?.personId }
      const opened = await api<{ id: string }>('POST', '/api/protection/cases', {
        body,
        idempotencyKey: keys.open,
      })
      setKeys({ screen: newIdempotencyKey(), open: newIdempotencyKey() })
      navigate(`/protection/case?id=${opened.id}`)
    } catch (err) {
      setError(err)
    }
  }
  if (!form.data) return form.error ? <ProtectionError error={form.error} /> : <Loading />
  return (
    <>
      <h1>{t('cases.nav.screen')}</h1>
      <ProtectionError error={error} />
      {done ? (
        <section className="card" role="status">
          <h2>{t(`protection.screening.outcomes.${done.identification.outcome}`)}</h2>
          <p className="hint">{t('protection.screening.hint')}</p>
          <p>
            {done.identification.vulnerabilities.map((v) => t(`protection.vulnerability.${v}`)).join(' · ')}
          </p>
          <ul>
            {done.identification.bestInterestsSteps.map((s) => (
              <li key={s}>{t(`protection.child.steps.${s}`)}</li>
            ))}
          </ul>
          <p>
            {t('cases.screen.suggested')}:{' '}
            {done.identification.suggestedServices.map((s) => t(`protection.services.${s}`)).join(', ') ||
              '—'}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={openCase}>
              {t('cases.screen.openCase')}
            </button>
          </div>
        </section>
      ) : (
        <form onSubmit={submit} noValidate>
          <section className="card">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={context === 'returnee'}
                onChange={(e) => setContext(e.target.checked ? 'returnee' : 'standalone')}
              />
              {t('cases.screen.returnee')}
            </label>
            <PersonFields value={person} onChange={setPerson} fieldError={fieldError} />
          </section>
          <ScreeningFields form={form.data} answers={answers} onChange={setAnswers} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('cases.screen.submit')}
            </button>
          </div>
        </form>
      )}
    </>
  )
}
