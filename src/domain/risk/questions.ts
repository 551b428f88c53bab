import { FIELDS, type FieldDef } from './fields.ts'

/**
 * Interview questions, each recording one answer into `interview.*` of the crossing context. Wording lives under
 * `risk.questions.<id>`, enum answer labels under `risk.values.<domain>.<value>`.
 */
export interface Question {
  id: string
  /** The interview field the answer is recorded into. */
  field: string
  messageKey: string
}

const rows: [id: string, field: string][] = [
  ['stated_purpose', 'interview.statedPurpose'],
  ['job_offer_channel', 'interview.jobOfferChannel'],
  ['knows_employer', 'interview.knowsEmployer'],
  ['recruitment_fee', 'interview.paidRecruitmentFee'],
  ['debt', 'interview.owesDebt'],
  ['journey_paid_by_other', 'interview.journeyPaidByOther'],
  ['documents_held_by_other', 'interview.documentsHeldByOther'],
  ['travelling_freely', 'interview.travellingFreely'],
  ['free_to_leave_work', 'interview.freeToLeaveWork'],
  ['paid_as_promised', 'interview.paidAsPromised'],
]

export const QUESTIONS: ReadonlyMap<string, Question> = new Map(
  rows.map(([id, field]) => [id, { id, field, messageKey: `risk.questions.${id}` }]),
)

export function questionField(question: Question): FieldDef {
  const def = FIELDS.get(question.field)
  if (def?.source !== 'interview') throw new Error(`Question ${question.id} records into ${question.field}`)
  return def!
}
