import { useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { ContextForm, emptyForm, toContext } from './context-form.tsx'
import { DecisionForm } from './decision-form.tsx'
import { EvaluationResult } from './evaluation-result.tsx'
import { InterviewPanel } from './interview-panel.tsx'
import { OutcomeForm } from './outcome-form.tsx'
import { RiskError } from './risk-shared.tsx'
import type { EvaluationView, FieldInfo } from './types.ts'
import './risk.css'

/**
 * Evaluates a crossing with the active rules: the facts in, the advice with its reasons out, then the interview
 * guide and the officer's decision. Evaluations made here are recorded like those of the inspection flow.
 */
export function EvaluatePage() {
  const { t, formatNumber } = useI18n()
  const catalogue = useFetch<{ fields: FieldInfo[]; items: Record<string, FieldInfo[]> }>('/api/risk/fields')
  const [form, setForm] = useState(emptyForm)
  const [evaluation, setEvaluation] = useState<EvaluationView | null>(null)
  const [sent, setSent] = useState<number | null>(null)
  const [error, setError] = useState<unknown>()
  const [key, setKey] = useState(newIdempotencyKey)
  if (!catalogue.data) return catalogue.error ? <RiskError error={catalogue.error} /> : <Loading />

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(undefined)
    setSent(null)
    try {
      const context = toContext(form, catalogue.data!.fields, catalogue.data!.items)
      setEvaluation(
        await api<EvaluationView>('POST', '/api/risk/evaluations', {
          body: { context },
          idempotencyKey: key,
        }),
      )
      setKey(newIdempotencyKey())
    } catch (err) {
      setError(err)
    }
  }
  const restart = () => {
    setForm(emptyForm())
    setEvaluation(null)
    setSent(null)
  }

  return (
    <>
      <h1>{t('risk-web.nav.evaluate')}</h1>
      <p className="hint">{t('risk-web.evaluate.intro')}</p>
      {!evaluation && (
        <form onSubmit={submit}>
          <ContextForm
            fields={catalogue.data.fields}
            items={catalogue.data.items}
            state={form}
            onChange={setForm}
          />
          <RiskError error={error} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('risk-web.evaluate.submit')}
            </button>
          </div>
        </form>
      )}
      {evaluation && (
        <>
          <EvaluationResult evaluation={evaluation} />
          {sent !== null || evaluation.decision ? (
            <>
              <p className="banner banner-ok" role="status">
                {t('risk-web.decision.recorded', { alerts: formatNumber(sent ?? 0) })}
              </p>
              <OutcomeForm evaluationId={evaluation.id} />
            </>
          ) : (
            <>
              <InterviewPanel key={evaluation.id} evaluation={evaluation} onEvaluated={setEvaluation} />
              <DecisionForm
                key={`d-${evaluation.id}`}
                evaluation={evaluation}
                onDecided={(e, alerts) => {
                  setEvaluation(e)
                  setSent(alerts)
                }}
              />
            </>
          )}
          <div className="actions">
            <button type="button" onClick={restart}>
              {t('risk-web.evaluate.another')}
            </button>
          </div>
        </>
      )}
    </>
  )
}
