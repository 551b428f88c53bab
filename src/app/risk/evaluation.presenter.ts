import type { GuideQuestion } from '../../domain/risk/index.ts'
import { type Locale, translate } from '../../platform/i18n/catalog.ts'
import type { StoredEvaluation } from './evaluations.repository.ts'

/** The advice as the officer sees it: reasons in the officer's language, with the version that gave them. */
export function presentEvaluation(e: StoredEvaluation, locale: Locale) {
  const ev = e.evaluation
  return {
    id: e.id,
    parentId: e.parentId,
    supersededBy: e.supersededBy,
    ruleSetId: e.ruleSetId,
    versionId: ev.ruleSetVersionId,
    score: ev.score,
    suggestedAction: ev.suggestedAction,
    actions: ev.actions,
    hits: ev.hits.map((h) => ({
      indicatorId: h.indicatorId,
      category: h.category,
      weight: h.weight,
      action: h.action,
      name: h.name[locale],
      reason: h.reason[locale],
      // Both wordings too, so a screen can follow a language switch without asking again.
      text: { name: h.name, reason: h.reason },
    })),
    undetermined: ev.undetermined,
    context: e.context,
    postCode: e.postCode,
    evaluatedAt: e.evaluatedAt.toISOString(),
    decision: e.decision
      ? {
          decision: e.decision.decision,
          note: e.decision.note,
          decidedAt: e.decision.decidedAt.toISOString(),
        }
      : null,
  }
}

const both = (key: string) => ({ en: translate('en', key), km: translate('km', key) })

/**
 * Interview questions in both languages: the officer may read the Khmer wording to the traveller while working in
 * English, or the reverse.
 */
export function presentQuestions(questions: GuideQuestion[], e: StoredEvaluation) {
  const names = new Map(e.evaluation.hits.map((h) => [h.indicatorId, h.name]))
  return questions.map((q) => ({
    id: q.id,
    text: both(q.messageKey),
    answerType: q.answerType.kind,
    options: q.options.map((o) => ({ value: o.value, label: both(o.messageKey) })),
    askedBecause: q.askedBecause.map((id) => ({ id, name: names.get(id) ?? { en: id, km: id } })),
    answer: q.answer,
  }))
}
