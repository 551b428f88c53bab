import { useI18n } from '../i18n/i18n.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import type { IdentificationForm, Question } from './types.ts'

export type AnswerMap = Record<string, string | number>

/** Mirrors the domain's rule: a given age decides, otherwise a child unless judged clearly adult. */
function childPath(answers: AnswerMap): boolean {
  return typeof answers.age === 'number' ? answers.age < 18 : answers.appearsUnder18 !== 'no'
}

function QuestionField({
  q,
  value,
  onChange,
}: {
  q: Question
  value: string | number | undefined
  onChange(v?: string | number): void
}) {
  const { t } = useI18n()
  const label = t(`protection.screening.questions.${q.id}`)
  if (q.kind === 'number')
    return (
      <TextField
        label={label}
        type="number"
        min={q.min}
        max={q.max}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    )
  const options = q.kind === 'choice' ? (q.options ?? []) : ['yes', 'no', 'unsure']
  const optionLabel = (o: string) =>
    q.kind === 'choice' ? t(`protection.screening.options.${o}`) : t(`protection.screening.answers.${o}`)
  return (
    <SelectField
      label={label}
      value={String(value ?? '')}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">{t('cases.refer.notAnswered')}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {optionLabel(o)}
        </option>
      ))}
    </SelectField>
  )
}

/** The identification form as the server defines it; the question wording comes from the locale files. */
export function ScreeningFields({
  form,
  answers,
  onChange,
}: {
  form: IdentificationForm
  answers: AnswerMap
  onChange(a: AnswerMap): void
}) {
  const { t } = useI18n()
  const child = childPath(answers)
  const set = (id: string) => (v?: string | number) => {
    const next = { ...answers }
    if (v === undefined) delete next[id]
    else next[id] = v
    onChange(next)
  }
  return (
    <section className="card" aria-labelledby="screening" data-testid="screening">
      <h2 id="screening">{t('protection.screening.title')}</h2>
      <p className="hint">{t('cases.refer.screeningHint')}</p>
      {form.sections
        .filter((s) => s.appliesTo === 'everyone' || child)
        .map((s) => (
          <fieldset key={s.id} className="form-grid">
            <legend>{t(`protection.screening.sections.${s.id}`)}</legend>
            {s.questions
              .filter((q) => q.required !== 'ifAgeUnknown' || typeof answers.age !== 'number')
              .map((q) => (
                <QuestionField key={q.id} q={q} value={answers[q.id]} onChange={set(q.id)} />
              ))}
          </fieldset>
        ))}
    </section>
  )
}
