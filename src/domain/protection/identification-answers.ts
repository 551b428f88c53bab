import { fail, ok, PROTECTION_ERRORS, type Result } from './errors.ts'
import {
  type Answers,
  allQuestions,
  type FormDefinition,
  IDENTIFICATION_FORM,
  type Question,
} from './identification-form.ts'

/** A given age decides; without one the person is presumed a child unless judged clearly adult. */
export function isChild(answers: Answers): boolean {
  const age = answers.age
  if (typeof age === 'number') return age < 18
  return answers.appearsUnder18 !== 'no'
}

function validAnswer(question: Question, value: unknown): boolean {
  switch (question.kind) {
    case 'yesNoUnsure':
      return value === 'yes' || value === 'no' || value === 'unsure'
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= (question.min ?? 0) &&
        value <= (question.max ?? Infinity)
      )
    case 'choice':
      return typeof value === 'string' && (question.options ?? []).includes(value)
  }
}

/** Required questions not yet answered, in form order, so the form can show them all at once. */
export function missingAnswers(answers: Answers, form: FormDefinition = IDENTIFICATION_FORM): string[] {
  const child = isChild(answers)
  const ageKnown = typeof answers.age === 'number'
  return form.sections
    .filter((s) => s.appliesTo === 'everyone' || child)
    .flatMap((s) => s.questions)
    .filter(
      (q) =>
        (q.required === 'always' || (q.required === 'ifAgeUnknown' && !ageKnown)) &&
        answers[q.id] === undefined,
    )
    .map((q) => q.id)
}

/** Every given answer is on the form and possible; unanswered questions are not checked here. */
export function checkAnswerValues(
  answers: Answers,
  form: FormDefinition = IDENTIFICATION_FORM,
): Result<Answers> {
  const questions = new Map(allQuestions(form).map((q) => [q.id, q]))
  for (const [id, value] of Object.entries(answers)) {
    if (value === undefined) continue
    const question = questions.get(id)
    if (!question) return fail(PROTECTION_ERRORS.unknownQuestion, { question: id })
    if (!validAnswer(question, value)) return fail(PROTECTION_ERRORS.invalidAnswer, { question: id })
  }
  return ok(answers)
}

export function validateAnswers(
  answers: Answers,
  form: FormDefinition = IDENTIFICATION_FORM,
): Result<Answers> {
  const checked = checkAnswerValues(answers, form)
  if (!checked.ok) return checked
  const [missing] = missingAnswers(answers, form)
  return missing ? fail(PROTECTION_ERRORS.unansweredQuestion, { question: missing }) : ok(answers)
}
