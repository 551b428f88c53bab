import { z } from 'zod'
import { multilineText, text } from '../../platform/http/text.ts'
import { CrossingContextBody } from './context.schema.ts'
import { DECISIONS } from './evaluations.repository.ts'

export const IdParams = z.strictObject({ id: z.uuid() })

export const CreateDraftBody = z.strictObject({
  fromId: z.uuid().describe('The version to copy, usually the active one'),
  name: text().trim().min(1).max(200).optional(),
})

/** The rule set itself: its structure is the engine's to judge, with a path and a reason for every problem. */
export const RuleSetBody = z.record(text(), z.unknown())

export const ImpactCheckBody = z.strictObject({ days: z.number().int().min(1).max(365).default(90) })

const Bilingual = z.object({ en: z.string(), km: z.string() })

export const RuleSetSummaryView = z.object({
  id: z.string(),
  versionId: z.string(),
  name: z.string(),
  status: z.string(),
  authors: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submitted: z.boolean(),
  reviewedBy: z.string().nullable(),
  activatedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  impactChecked: z.boolean(),
})

const Breakdown = z.object({ total: z.number(), flagged: z.number(), secondaryInterviews: z.number() })

/** A stored impact check (run-impact-check.ts) and its report (domain/risk/impact.ts), as the review reads it. */
const ImpactCheckView = z.object({
  days: z.number(),
  from: z.string(),
  to: z.string(),
  ranBy: z.string(),
  ranAt: z.string(),
  fingerprint: z.string(),
  current: z.boolean().describe('Whether the check ran on this very version of the rule set'),
  report: z.object({
    candidateVersionId: z.string(),
    currentVersionId: z.string().nullable(),
    total: z.number(),
    flagged: z.number(),
    secondaryInterviews: z.object({
      candidate: z.number(),
      current: z.number(),
      extra: z.number(),
      newlyReferred: z.number(),
      noLongerReferred: z.number(),
    }),
    bySuggestedAction: z.record(z.string(), z.number()),
    byPost: z.record(z.string(), Breakdown),
    byNationality: z.record(z.string(), Breakdown),
    bySex: z.record(z.string(), Breakdown),
    byAgeBand: z.record(z.string(), Breakdown),
    indicators: z.array(
      z.object({ id: z.string(), hits: z.number(), share: z.number(), flagsNearlyEveryone: z.boolean() }),
    ),
    warnings: z.array(
      z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
    ),
  }),
})

export const RuleSetView = RuleSetSummaryView.extend({
  basedOn: z.string().nullable(),
  activatedBy: z.string().nullable(),
  ruleSet: z.unknown(),
  catalogue: z.array(z.unknown()),
  warnings: z.array(
    z.object({ code: z.string(), path: z.string(), params: z.record(z.string(), z.unknown()) }),
  ),
  impactCheck: ImpactCheckView.nullable(),
  history: z.array(
    z.object({
      action: z.string(),
      actor: z.string(),
      at: z.string(),
      from: z.string().nullable(),
      to: z.string(),
    }),
  ),
})

export const EvaluateBody = z.strictObject({ context: CrossingContextBody })

export const EvaluationView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  supersededBy: z.string().nullable(),
  ruleSetId: z.string(),
  versionId: z.string(),
  score: z.number(),
  suggestedAction: z.string(),
  actions: z.array(z.string()),
  hits: z.array(
    z.object({
      indicatorId: z.string(),
      category: z.string(),
      weight: z.number(),
      action: z.string(),
      name: z.string(),
      reason: z.string(),
      text: z.object({ name: Bilingual, reason: Bilingual }),
    }),
  ),
  undetermined: z.array(z.string()),
  context: z.unknown(),
  postCode: z.string().nullable(),
  evaluatedAt: z.string(),
  decision: z.object({ decision: z.string(), note: z.string(), decidedAt: z.string() }).nullable(),
})

export const DecisionBody = z.strictObject({
  decision: z.enum(DECISIONS),
  note: multilineText().trim().max(2000).default(''),
  notify: z
    .array(z.enum(['notify_police', 'notify_ncct', 'notify_mosvy']))
    .max(3)
    .default([]),
})

export const DecisionView = z.object({ evaluation: EvaluationView, alerts: z.number() })

export const AnswersBody = z.strictObject({
  answers: z.record(text().max(64), z.union([text().max(100), z.number(), z.boolean(), z.null()])),
})

export const InterviewView = z.object({
  evaluation: EvaluationView,
  questions: z.array(
    z.object({
      id: z.string(),
      text: Bilingual,
      answerType: z.string(),
      options: z.array(z.object({ value: z.string(), label: Bilingual })),
      askedBecause: z.array(z.object({ id: z.string(), name: Bilingual })),
      answer: z.union([z.string(), z.number(), z.boolean()]).nullable(),
    }),
  ),
})

export const AlertListQuery = z.strictObject({
  state: z.enum(['open', 'acknowledged', 'all']).default('open'),
  escalated: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const AlertView = z.object({
  id: z.string(),
  evaluationId: z.string(),
  agencyCode: z.string(),
  action: z.string(),
  postCode: z.string().nullable(),
  score: z.number(),
  note: z.string(),
  decision: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  escalateAfterHours: z.number(),
  dueAt: z.string(),
  escalated: z.boolean(),
  hits: z.array(
    z.object({
      indicatorId: z.string(),
      category: z.string(),
      name: z.string(),
      reason: z.string(),
      text: z.object({ name: Bilingual, reason: Bilingual }),
    }),
  ),
  acknowledgement: z.object({ by: z.string(), at: z.string(), note: z.string() }).nullable(),
})

export const AcknowledgeBody = z.strictObject({ note: multilineText().trim().max(2000).default('') })

export const AlertSettingView = z.object({ agencyCode: z.string(), escalateAfterHours: z.number() })
export const AlertSettingParams = z.strictObject({ agencyCode: text().min(1).max(20) })
export const AlertSettingBody = z.strictObject({ escalateAfterHours: z.number().int().min(1).max(720) })
