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
  error,
}: {
  q: Question
  value: string | number | undefined
  onChange(v?: string | number): void
  error?: string
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
        error={error}
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
      error={error}
      data-question={q.id}
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

/** The questions still shown unanswered, in form order: what "Not sure for the rest" fills. */
export function unansweredYesNo(form: IdentificationForm, answers: AnswerMap): string[] {
  const child = childPath(answers)
  return form.sections
    .filter((s) => s.appliesTo === 'everyone' || child)
    .flatMap((s) => s.questions)
    .filter((q) => q.kind === 'yesNoUnsure' && answers[q.id] === undefined)
    .filter((q) => q.required !== 'ifAgeUnknown' || typeof answers.age !== 'number')
    .map((q) => q.id)
}

/**
 * The identification form as the server defines it; the question wording comes from the locale files. The form
 * advises "Not sure" when the person cannot or will not say, so one button answers it for every question left.
 */
export function ScreeningFields({
  form,
  answers,
  onChange,
  errorOf,
}: {
  form: IdentificationForm
  answers: AnswerMap
  onChange(a: AnswerMap): void
  /** The server's refusal for one question (`body.answers.<id>`), in words. */
  errorOf?: (id: string) => string | undefined
}) {
  const { t } = useI18n()
  const child = childPath(answers)
  const left = unansweredYesNo(form, answers)
  const fillUnsure = () => {
    const next = { ...answers }
    for (const id of left) next[id] = 'unsure'
    onChange(next)
  }
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
      <p>
        <button type="button" onClick={fillUnsure} disabled={left.length === 0} data-testid="fill-unsure">
          {t('cases.identify.fillUnsure', { count: left.length })}
        </button>
      </p>
      {form.sections
        .filter((s) => s.appliesTo === 'everyone' || child)
        .map((s) => (
          <fieldset key={s.id} className="form-grid">
            <legend>{t(`protection.screening.sections.${s.id}`)}</legend>
            {s.questions
              .filter((q) => q.required !== 'ifAgeUnknown' || typeof answers.age !== 'number')
              .map((q) => (
                <QuestionField
                  key={q.id}
                  q={q}
                  value={answers[q.id]}
                  onChange={set(q.id)}
                  error={errorOf?.(`answers.${q.id}`)}
                />
              ))}
          </fieldset>
        ))}
    </section>
  )
}
