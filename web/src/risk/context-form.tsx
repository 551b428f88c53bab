import { useI18n } from '../i18n/i18n.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import type { FieldInfo } from './types.ts'

export interface FormState {
  values: Record<string, string>
  companions: Record<string, string>[]
}

export const emptyForm = (): FormState => ({ values: {}, companions: [] })

/**
 * Interview answers are recorded through the interview guide. Of the lists, companions are entered here; the
 * list of past crossings comes from the crossings record and is not typed in.
 */
const HIDDEN_GROUPS = new Set(['interview'])

function convert(f: FieldInfo, raw: string): unknown {
  if (f.kind === 'boolean') return raw === 'true'
  if (f.kind === 'number') return Number(raw)
  return raw.trim()
}

/** The form's values as a crossing context: empty inputs are left out, which the engine reads as "not known". */
export function toContext(state: FormState, fields: FieldInfo[], items: Record<string, FieldInfo[]>) {
  const out: Record<string, unknown> = {}
  for (const f of fields) {
    const raw = state.values[f.path]
    if (raw === undefined || raw === '') continue
    const [group, key] = f.path.split('.') as [string, string]
    const target = (out[group] ?? {}) as Record<string, unknown>
    out[group] = target
    target[key] = convert(f, raw)
  }
  const companionFields = items.companion ?? []
  if (state.companions.length > 0)
    out.companions = state.companions.map((c) =>
      Object.fromEntries(
        companionFields.filter((f) => (c[f.path] ?? '') !== '').map((f) => [f.path, convert(f, c[f.path]!)]),
      ),
    )
  return out
}

/** One input for one fact, labelled from the catalogue; every fact may be left unknown. */
function FactInput({
  f,
  label,
  value,
  onChange,
}: {
  f: FieldInfo
  label: string
  value: string
  onChange(v: string): void
}) {
  const { t } = useI18n()
  if (f.kind === 'boolean' || f.kind === 'enum') {
    const options = f.kind === 'boolean' ? ['true', 'false'] : f.values
    const text = (v: string) =>
      f.kind === 'boolean'
        ? t(v === 'true' ? 'risk-web.common.yes' : 'risk-web.common.no')
        : t(`risk.values.${f.domain}.${v}`)
    return (
      <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('risk-web.common.unknown')}</option>
        {options.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </SelectField>
    )
  }
  return (
    <TextField
      label={label}
      type={f.kind === 'number' ? 'number' : 'text'}
      min={f.min ?? undefined}
      max={f.max ?? undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}

export function ContextForm(props: {
  fields: FieldInfo[]
  items: Record<string, FieldInfo[]>
  state: FormState
  onChange(next: FormState): void
}) {
  const { t } = useI18n()
  const { state, onChange } = props
  const groups = new Map<string, FieldInfo[]>()
  for (const f of props.fields) {
    const group = f.kind === 'list' ? f.path : f.path.split('.')[0]!
    if (HIDDEN_GROUPS.has(group) || f.kind === 'list') continue
    groups.set(group, [...(groups.get(group) ?? []), f])
  }
  const set = (path: string) => (v: string) => onChange({ ...state, values: { ...state.values, [path]: v } })
  const setCompanion = (i: number, path: string) => (v: string) =>
    onChange({ ...state, companions: state.companions.map((c, j) => (j === i ? { ...c, [path]: v } : c)) })

  return (
    <>
      {[...groups].map(([group, fs]) => (
        <fieldset key={group} className="card">
          <legend>{t(`risk-web.groups.${group}`)}</legend>
          <div className="form-grid">
            {fs.map((f) => (
              <FactInput
                key={f.path}
                f={f}
                label={t(`risk.fields.${f.path}`)}
                value={state.values[f.path] ?? ''}
                onChange={set(f.path)}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="card">
        <legend>{t('risk.fields.companions')}</legend>
        {state.companions.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: companions are entered in order and have no id
          <div key={i} className="form-grid">
            {(props.items.companion ?? []).map((f) => (
              <FactInput
                key={f.path}
                f={f}
                label={`${t(`risk.fields.companion.${f.path}`)} (${i + 1})`}
                value={c[f.path] ?? ''}
                onChange={setCompanion(i, f.path)}
              />
            ))}
            <button
              type="button"
              onClick={() => onChange({ ...state, companions: state.companions.filter((_, j) => j !== i) })}
            >
              {t('risk-web.evaluate.removeCompanion', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => onChange({ ...state, companions: [...state.companions, {}] })}>
          {t('risk-web.evaluate.addCompanion')}
        </button>
      </fieldset>
    </>
  )
}
