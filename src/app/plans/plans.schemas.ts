import { z } from 'zod'
import { REPORT_STATES } from '../../domain/plans/approval.ts'
import { DIRECTIONS, NODE_KINDS, UNITS } from '../../domain/plans/plan.ts'
import { multilineText, text } from '../../platform/http/text.ts'

export const IdParams = z.strictObject({ id: z.uuid() })
export const TargetParams = z.strictObject({ id: z.uuid(), year: z.coerce.number().int() })

const title = text().trim().min(1).max(300)
/** Codes are cited in reports and spreadsheets: Latin letters, digits and `.-_` only, as `P1.O1.1`. */
const code = text()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
const year = z.number().int().min(2000).max(2100)
const agency = text().trim().min(1).max(20)

export const PlanBody = z.strictObject({
  code,
  titleEn: title,
  titleKm: title,
  startYear: year,
  endYear: year,
  illustrative: z.boolean(),
})

export const NodeBody = z.strictObject({
  parentId: z.uuid().nullable(),
  kind: z.enum(NODE_KINDS),
  code,
  titleEn: title,
  titleKm: title,
  responsibleAgency: agency.nullable().default(null),
  supportingAgencies: z.array(agency).max(20).default([]),
  startYear: year.nullable().default(null),
  endYear: year.nullable().default(null),
  budgetSource: text().trim().max(200).nullable().default(null),
})

/** An edited node keeps its kind and parent; the rest is replaced (a retry sets the same values again). */
export const NodeEditBody = NodeBody.omit({ parentId: true, kind: true })

export const IndicatorBody = z.strictObject({
  nodeId: z.uuid(),
  code,
  nameEn: title,
  nameKm: title,
  definitionEn: multilineText().trim().min(1).max(2000),
  definitionKm: multilineText().trim().min(1).max(2000),
  unit: z.enum(UNITS),
  direction: z.enum(DIRECTIONS),
  source: text().trim().min(1).max(60),
  disaggregation: z.array(text().trim().min(1).max(40)).max(10).default([]),
  baselineYear: year.nullable().default(null),
  baselineValue: z.number().min(0).max(1e12).nullable().default(null),
  verificationEn: multilineText().trim().min(1).max(1000),
  verificationKm: multilineText().trim().min(1).max(1000),
  gcm: z.array(z.number().int()).max(23).default([]),
  sdg: z.array(text().max(10)).max(10).default([]),
})

/** Numbers are checked by the domain (finite, not negative, a percentage ≤ 100) so the message is the plan's own. */
export const TargetBody = z.strictObject({ value: z.number() })
export const ThresholdsBody = z.strictObject({ onTrack: z.number(), atRisk: z.number() })

export const ReportBody = z.strictObject({
  period: text().max(20),
  value: z.number(),
  note: multilineText().trim().max(2000).default(''),
})

export const CommentBody = z.strictObject({ comment: multilineText().trim().max(2000).default('') })

export const DashboardQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() })
export const ReportsQuery = z.strictObject({
  state: z.enum(REPORT_STATES).optional(),
  indicator: z.uuid().optional(),
})
export const EvidenceQuery = z.strictObject({ name: text().max(400) })
export const ProgressReportQuery = z.strictObject({
  period: text().max(20),
  format: z.enum(['xlsx', 'pdf']),
  /** The report's language when not the reader's own: a planner sends both versions. */
  lang: z.enum(['en', 'km']).optional(),
})

export const Created = z.object({ id: z.string() })
export const StateView = z.object({ state: z.enum(REPORT_STATES) })
/** The dashboard and report views are typed by `plans.contract.ts`; presenters build them field by field. */
export const AnyView = z.any().describe('See plans.contract.ts')
