import { useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { RiskError } from './risk-shared.tsx'
import type { EvaluationView, Question } from './types.ts'

/**
 * The interview guide for an evaluation: the questions its indicators call for, in the officer's language with the
 * other language beneath (to read to the traveller). Recording answers evaluates the crossing again.
 */
export function InterviewPanel({
  evaluation,
  onEvaluated,
}: {
  evaluation: EvaluationView
  onEvaluated(e: EvaluationView): void
}) {
  const { t, locale } = useI18n()
  const other = locale === 'en' ? 'km' : 'en'
  const guide = useFetch<{ questions: Question[] }>(`/api/risk/evaluations/${evaluation.id}/interview`)
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>()
  const [key, setKey] = useState(newIdempotencyKey)
  const questions = guide.data?.questions ?? []
  if (questions.length === 0) return null

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(undefined)
    const body: Record<string, unknown> = {}
    for (const q of questions) {
      const raw = answers[q.id]
      if (raw === undefined || raw === '') continue
      body[q.id] = q.answerType === 'boolean' ? raw === 'true' : q.answerType === 'number' ? Number(raw) : raw
    }
    try {
      const next = await api<EvaluationView>('POST', `/api/risk/evaluations/${evaluation.id}/answers`, {
        body: { answers: body },
        idempotencyKey: key,
      })
      setAnswers({})
      setKey(newIdempotencyKey())
      onEvaluated(next)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="interview">
      <h2 id="interview">{t('risk.interview.title')}</h2>
      {questions.map((q) => {
        const label = q.text[locale]
        const set = (v: string) => setAnswers((a) => ({ ...a, [q.id]: v }))
        const value = answers[q.id] ?? (q.answer === null ? '' : String(q.answer))
        return (
          <div key={q.id} className="indicator">
            {q.answerType === 'boolean' || q.answerType === 'enum' ? (
              <SelectField label={label} value={value} onChange={(e) => set(e.target.value)}>
                <option value="">{t('risk-web.interview.notAsked')}</option>
                {(q.answerType === 'boolean'
                  ? [
                      { value: 'true', text: t('risk-web.common.yes') },
                      { value: 'false', text: t('risk-web.common.no') },
                    ]
                  : q.options.map((o) => ({ value: o.value, text: o.label[locale] }))
                ).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.text}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextField label={label} value={value} onChange={(e) => set(e.target.value)} />
            )}
            <p className="muted" lang={other}>
              {q.text[other]}
            </p>
            <p className="hint">
              {t('risk.interview.asked_because', {
                indicators: q.askedBecause.map((a) => a.name[locale]).join(', '),
              })}
            </p>
          </div>
        )
      })}
      <RiskError error={error ?? guide.error} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('risk-web.interview.record')}
        </button>
      </div>
    </form>
  )
}
