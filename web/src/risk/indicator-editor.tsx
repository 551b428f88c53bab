import { useState } from 'react'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { RiskError, riskDetails } from './risk-shared.tsx'
import type { CatalogueEntry, RuleSetDetail } from './types.ts'

const ACTIONS = [
  'advise',
  'secondary_interview',
  'protection_referral',
  'notify_mosvy',
  'notify_ncct',
  'notify_police',
]

/**
 * Edits one indicator of a draft: weight, action, and the condition as JSON. The whole rule set is saved and
 * validated by the server; each problem is shown at the indicator it belongs to, and nothing is saved until all
 * are fixed.
 */
export function IndicatorEditor(props: {
  entry: CatalogueEntry
  index: number
  version: RuleSetDetail
  onSaved(): void
  onClose(): void
}) {
  const { t } = useI18n()
  const { entry, index } = props
  const [weight, setWeight] = useState(String(entry.weight))
  const [action, setAction] = useState(entry.action)
  const [condition, setCondition] = useState(JSON.stringify(entry.condition, null, 2))
  const [jsonError, setJsonError] = useState<string | null>(null)
  const [error, setError] = useState<unknown>()
  const mine = `body.indicators.${index}`
  const details = riskDetails(error, t)
  const here = details.filter((d) => d.path === mine || d.path.startsWith(`${mine}.`))
  const elsewhere = details.length > 0 && here.length < details.length

  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(undefined)
    setJsonError(null)
    let parsed: unknown
    try {
      parsed = JSON.parse(condition)
    } catch {
      setJsonError(t('risk-web.editor.notJson'))
      return
    }
    const ruleSet = structuredClone(props.version.ruleSet)
    ruleSet.indicators[index] = {
      ...ruleSet.indicators[index]!,
      weight: Number(weight),
      action,
      condition: parsed as Record<string, unknown>,
    }
    try {
      await api('PUT', `/api/risk/rule-sets/${props.version.id}`, { body: ruleSet })
      props.onClose()
      props.onSaved()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <form onSubmit={save} className="card" aria-label={t('risk-web.editor.edit', { name: entry.id })}>
      <div className="form-grid">
        <TextField
          label={t('risk-web.editor.weight')}
          type="number"
          min={1}
          max={100}
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
        />
        <SelectField
          label={t('risk-web.editor.action')}
          value={action}
          onChange={(e) => setAction(e.target.value)}
        >
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`risk.actions.${a}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <label htmlFor={`cond-${entry.id}`}>{t('risk-web.editor.condition')}</label>
      <textarea
        id={`cond-${entry.id}`}
        rows={10}
        value={condition}
        onChange={(e) => setCondition(e.target.value)}
        aria-invalid={here.length > 0 || jsonError ? true : undefined}
      />
      {(jsonError || here.length > 0) && (
        <ul className="field-error" role="alert">
          {jsonError && <li>{jsonError}</li>}
          {here.map((d) => (
            <li key={`${d.path}-${d.code}`}>
              {d.message} <code>{d.path.slice(mine.length + 1) || '—'}</code>
            </li>
          ))}
        </ul>
      )}
      {elsewhere && <RiskError error={error} />}
      {error && !elsewhere && here.length === 0 ? <RiskError error={error} /> : null}
      <div className="actions">
        <button type="submit" className="primary">
          {t('web.common.save')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('web.common.cancel')}
        </button>
      </div>
    </form>
  )
}
