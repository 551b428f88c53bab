import type { CrossingContext, InterviewAnswers } from './context.ts'
import { DOMAINS } from './domains.ts'
import type { Evaluation } from './evaluate.ts'
import type { FieldType } from './fields.ts'
import { QUESTIONS, questionField } from './questions.ts'
import type { RuleSet, Scalar } from './rule-language.ts'

export interface GuideQuestion {
  id: string
  /** `risk.questions.<id>` in both locales. */
  messageKey: string
  answerType: FieldType
  /** For enum answers: each value with its label key `risk.values.<domain>.<value>`. */
  options: { value: string; messageKey: string }[]
  /** The triggered indicators that call for this question, strongest first. */
  askedBecause: string[]
  /** The answer already recorded, or null. */
  answer: Scalar | null
}

/**
 * Questions to put to the traveller, drawn from the indicators that triggered (strongest first, each question
 * once). Answers go back into the context with `recordAnswers`, and evaluating again may trigger indicators that
 * rest on the interview, whose questions then join the guide.
 */
export function interviewGuide(
  ruleSet: RuleSet,
  evaluation: Evaluation,
  context: CrossingContext,
): GuideQuestion[] {
  const byId = new Map(ruleSet.indicators.map((i) => [i.id, i]))
  const out = new Map<string, GuideQuestion>()
  for (const hit of evaluation.hits) {
    for (const qid of byId.get(hit.indicatorId)?.questions ?? []) {
      const q = QUESTIONS.get(qid)
      if (!q) continue
      const existing = out.get(qid)
      if (existing) {
        existing.askedBecause.push(hit.indicatorId)
        continue
      }
      const type = questionField(q).type
      const key = q.field.slice('interview.'.length) as keyof InterviewAnswers
      out.set(qid, {
        id: qid,
        messageKey: q.messageKey,
        answerType: type,
        options:
          type.kind === 'enum'
            ? DOMAINS[type.domain].map((v) => ({ value: v, messageKey: `risk.values.${type.domain}.${v}` }))
            : [],
        askedBecause: [hit.indicatorId],
        answer: context.interview?.[key] ?? null,
      })
    }
  }
  return [...out.values()]
}

export interface AnswerIssue {
  code: 'risk.interview.unknown_question' | 'risk.interview.bad_answer'
  path: string
  params: Record<string, string>
}

/**
 * Records answers (question id → value, null to clear) into a copy of the context. Nothing is recorded when any
 * answer is wrong, so a half-applied interview never reaches an evaluation.
 */
export function recordAnswers(
  context: CrossingContext,
  answers: Record<string, unknown>,
): { ok: true; context: CrossingContext } | { ok: false; issues: AnswerIssue[] } {
  const issues: AnswerIssue[] = []
  const interview: Record<string, unknown> = { ...context.interview }
  for (const [qid, value] of Object.entries(answers)) {
    const q = QUESTIONS.get(qid)
    if (!q) {
      issues.push({ code: 'risk.interview.unknown_question', path: qid, params: { question: qid } })
      continue
    }
    const type = questionField(q).type
    if (value !== null && !fits(type, value)) {
      issues.push({
        code: 'risk.interview.bad_answer',
        path: qid,
        params: { question: qid, value: String(value) },
      })
      continue
    }
    interview[q.field.slice('interview.'.length)] = value
  }
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, context: { ...context, interview: interview as InterviewAnswers } }
}

function fits(type: FieldType, value: unknown): boolean {
  switch (type.kind) {
    case 'boolean':
      return typeof value === 'boolean'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= type.min && value <= type.max
    case 'enum':
      return typeof value === 'string' && (DOMAINS[type.domain] as readonly string[]).includes(value)
    case 'string':
      return typeof value === 'string'
    default:
      return false
  }
}
