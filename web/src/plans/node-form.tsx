import { useState } from 'react'
import { toLocaleDigits } from '../i18n/format.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { CheckboxField, SelectField, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'
import type { PlanStructure } from './plans-api.ts'
import { numberOrText, type StructureNode, saveNode } from './structure-fields.tsx'

const CHILD = { pillar: 'objective', objective: 'output', output: 'activity' } as const
export type NodeKind = StructureNode['kind']
export const childKind = (kind: NodeKind): NodeKind | null => (kind === 'activity' ? null : CHILD[kind])

/**
 * A pillar, objective, output or activity, new (under `parent`) or edited: code, both titles, and for an
 * activity its responsible and supporting agencies, timeline and budget source. Each refusal shows under its field.
 */
export function NodeForm(p: {
  structure: PlanStructure
  node: StructureNode | null
  kind: NodeKind
  parentId: string | null
  onDone(): void
  onCancel(): void
}) {
  const { t, locale } = useI18n()
  const n = p.node
  const f = useForm({
    code: n?.code ?? '',
    titleEn: n?.titleEn ?? '',
    titleKm: n?.titleKm ?? '',
    responsibleAgency: n?.responsibleAgency ?? '',
    startYear: n?.startYear === null || !n ? '' : String(n.startYear),
    endYear: n?.endYear === null || !n ? '' : String(n.endYear),
    budgetSource: n?.budgetSource ?? '',
  })
  const [chosen, setChosen] = useState<string[]>(n?.supportingAgencies ?? [])
  const toggle = (code: string, on: boolean) =>
    setChosen(on ? [...chosen, code] : chosen.filter((c) => c !== code))
  const v = f.values
  const activity = p.kind === 'activity'
  const years = Array.from(
    { length: p.structure.plan.endYear - p.structure.plan.startYear + 1 },
    (_, i) => p.structure.plan.startYear + i,
  )
  const submit = f.submit(async () => {
    const body = {
      ...(n ? {} : { parentId: p.parentId, kind: p.kind }),
      code: v.code,
      titleEn: v.titleEn,
      titleKm: v.titleKm,
      responsibleAgency: v.responsibleAgency || null,
      supportingAgencies: chosen,
      startYear: numberOrText(v.startYear),
      endYear: numberOrText(v.endYear),
      budgetSource: v.budgetSource.trim() || null,
    }
    await saveNode(p.structure.plan.id, n, body, f.idempotencyKey)
    p.onDone()
  })
  const kindLabel = t(`plans.kinds.${p.kind}`)
  return (
    <form className="card plan-structure-form" onSubmit={submit} aria-labelledby="plan-node-form-title">
      <h3 id="plan-node-form-title">
        {n
          ? t('plans.editor.editItem', { item: `${kindLabel} ${n.code}` })
          : t('plans.editor.addItem', { kind: kindLabel })}
      </h3>
      <TextField
        label={t('plans.editor.code')}
        hint={t('plans.editor.codeHint')}
        value={v.code}
        onChange={f.set('code')}
        error={f.fieldError('code')}
        autoFocus
      />
      <TextField
        label={t('plans.editor.titleEn')}
        value={v.titleEn}
        onChange={f.set('titleEn')}
        error={f.fieldError('titleEn')}
      />
      <TextField
        label={t('plans.editor.titleKm')}
        lang="km"
        value={v.titleKm}
        onChange={f.set('titleKm')}
        error={f.fieldError('titleKm')}
      />
      {activity && (
        <>
          <SelectField
            label={t('plans.dashboard.responsible')}
            value={v.responsibleAgency}
            onChange={f.set('responsibleAgency')}
            error={f.fieldError('responsibleAgency')}
          >
            <option value="">—</option>
            {p.structure.agencies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <fieldset className="plan-checks">
            <legend>{t('plans.dashboard.supporting')}</legend>
            {p.structure.agencies.map((a) => (
              <CheckboxField
                key={a.code}
                label={a.name}
                checked={chosen.includes(a.code)}
                onChange={(on) => toggle(a.code, on)}
              />
            ))}
            {f.fieldError('supportingAgencies') && (
              <small className="field-error" role="alert">
                {f.fieldError('supportingAgencies')}
              </small>
            )}
          </fieldset>
          {(['startYear', 'endYear'] as const).map((k) => (
            <SelectField
              key={k}
              label={t(`plans.editor.${k}`)}
              value={v[k]}
              onChange={f.set(k)}
              error={f.fieldError(k)}
            >
              <option value="">—</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {toLocaleDigits(String(y), locale)}
                </option>
              ))}
            </SelectField>
          ))}
          <TextField
            label={t('plans.editor.budgetSource')}
            value={v.budgetSource}
            onChange={f.set('budgetSource')}
            error={f.fieldError('budgetSource')}
          />
        </>
      )}
      <ErrorBanner error={f.error} />
      <FormActions onCancel={p.onCancel} />
    </form>
  )
}
