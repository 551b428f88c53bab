import { useState } from 'react'
import { toLocaleDigits } from '../i18n/format.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { CheckboxField, SelectField, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'
import type { PlanStructure } from './plans-api.ts'
import {
  listOf,
  numberOrText,
  type StructureIndicator,
  saveIndicator,
  TextAreaField,
} from './structure-fields.tsx'
import { TargetEditor } from './target-editor.tsx'

const UNITS = ['count', 'percent', 'days'] as const
const DIRECTIONS = ['increase', 'decrease'] as const

/**
 * An indicator, new (on `nodeId`) or edited: both names and definitions, unit, direction, source, disaggregation,
 * baseline, means of verification, GCM and SDG links; once saved, its yearly targets. An indicator agencies have
 * reported against keeps its unit and source (the server says so under the field if they are changed).
 */
export function IndicatorForm(p: {
  structure: PlanStructure
  indicator: StructureIndicator | null
  nodeId: string
  onDone(): void
  onCancel(): void
  /** Targets are saved one year at a time while the form stays open. */
  onTargets(): void
}) {
  const { t, locale } = useI18n()
  const i = p.indicator
  const digits = (n: number | null | undefined) =>
    n === null || n === undefined ? '' : toLocaleDigits(String(n), locale)
  const f = useForm({
    code: i?.code ?? '',
    nameEn: i?.nameEn ?? '',
    nameKm: i?.nameKm ?? '',
    definitionEn: i?.definitionEn ?? '',
    definitionKm: i?.definitionKm ?? '',
    unit: i?.unit ?? 'count',
    direction: i?.direction ?? 'increase',
    source: i?.source ?? 'reported',
    disaggregation: (i?.disaggregation ?? []).join(', '),
    baselineYear: digits(i?.baselineYear),
    baselineValue: digits(i?.baselineValue),
    verificationEn: i?.verificationEn ?? '',
    verificationKm: i?.verificationKm ?? '',
    gcm: (i?.gcm ?? []).map((g) => toLocaleDigits(String(g), locale)).join(', '),
  })
  const [sdg, setSdg] = useState<string[]>(i?.sdg ?? [])
  const v = f.values
  const submit = f.submit(async () => {
    await saveIndicator(
      p.structure.plan.id,
      i,
      {
        nodeId: i?.nodeId ?? p.nodeId,
        code: v.code,
        nameEn: v.nameEn,
        nameKm: v.nameKm,
        definitionEn: v.definitionEn,
        definitionKm: v.definitionKm,
        unit: v.unit,
        direction: v.direction,
        source: v.source,
        disaggregation: listOf(v.disaggregation),
        baselineYear: numberOrText(v.baselineYear),
        baselineValue: numberOrText(v.baselineValue),
        verificationEn: v.verificationEn,
        verificationKm: v.verificationKm,
        gcm: listOf(v.gcm).map((g) => numberOrText(g)),
        sdg,
      },
      f.idempotencyKey,
    )
    p.onDone()
  })
  const text = (k: 'code' | 'nameEn' | 'nameKm', km = false) => (
    <TextField
      label={t(`plans.editor.${k}`)}
      lang={km ? 'km' : undefined}
      value={v[k]}
      onChange={f.set(k)}
      error={f.fieldError(k)}
      autoFocus={k === 'code'}
    />
  )
  const area = (k: 'definitionEn' | 'definitionKm' | 'verificationEn' | 'verificationKm') => (
    <TextAreaField
      label={t(`plans.editor.${k}`)}
      lang={k.endsWith('Km') ? 'km' : undefined}
      value={v[k]}
      onChange={f.set(k)}
      error={f.fieldError(k)}
    />
  )
  return (
    <div className="card plan-structure-form">
      <form onSubmit={submit} aria-labelledby="plan-indicator-form-title">
        <h3 id="plan-indicator-form-title">
          {i ? t('plans.editor.editItem', { item: i.code }) : t('plans.editor.addIndicator')}
        </h3>
        {text('code')}
        {text('nameEn')}
        {text('nameKm', true)}
        {area('definitionEn')}
        {area('definitionKm')}
        <SelectField
          label={t('plans.editor.unit')}
          value={v.unit}
          onChange={f.set('unit')}
          error={f.fieldError('unit')}
        >
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`plans.units.${u}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('plans.editor.direction')} value={v.direction} onChange={f.set('direction')}>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`plans.editor.directions.${d}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('plans.editor.source')}
          value={v.source}
          onChange={f.set('source')}
          error={f.fieldError('source')}
        >
          {p.structure.sources.map((s) => (
            <option key={s} value={s}>
              {t(`plans.sources.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('plans.editor.disaggregation')}
          hint={t('plans.editor.listHint')}
          value={v.disaggregation}
          onChange={f.set('disaggregation')}
          error={f.fieldError('disaggregation')}
        />
        <TextField
          label={t('plans.editor.baselineYear')}
          inputMode="numeric"
          value={v.baselineYear}
          onChange={f.set('baselineYear')}
          error={f.fieldError('baselineYear')}
        />
        <TextField
          label={t('plans.editor.baselineValue')}
          inputMode="decimal"
          value={v.baselineValue}
          onChange={f.set('baselineValue')}
          error={f.fieldError('baselineValue')}
        />
        {area('verificationEn')}
        {area('verificationKm')}
        <TextField
          label={t('plans.editor.gcm')}
          hint={t('plans.editor.gcmHint')}
          value={v.gcm}
          onChange={f.set('gcm')}
          error={f.fieldError('gcm')}
        />
        <fieldset className="plan-checks">
          <legend>{t('plans.editor.sdg')}</legend>
          {p.structure.sdgTargets.map((s) => (
            <CheckboxField
              key={s}
              label={`SDG ${toLocaleDigits(s, locale)}`}
              checked={sdg.includes(s)}
              onChange={(on) => setSdg(on ? [...sdg, s] : sdg.filter((x) => x !== s))}
            />
          ))}
        </fieldset>
        <ErrorBanner error={f.error} />
        <FormActions onCancel={p.onCancel} />
      </form>
      {i && (
        <TargetEditor
          indicator={i}
          startYear={p.structure.plan.startYear}
          endYear={p.structure.plan.endYear}
          onDone={p.onTargets}
        />
      )}
    </div>
  )
}
