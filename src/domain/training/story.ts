/**
 * What the traveller says at the counter, as codes (the wording is in `training.story.<code>`, English and Khmer).
 * The indicator statements follow the recruitment patterns of the risk catalogue (a job found online with high pay,
 * a third party paying and holding the documents, debt to a broker, no address at destination); none is
 * proof on its own, which is why a story defect is judged by the trainee and never by a check.
 */
export const NEUTRAL_STORY = [
  'tourism_return_ticket',
  'visiting_family',
  'business_meeting',
  'studies_enrolled',
  'hotel_booked',
  'returning_home',
] as const

export const INDICATOR_STORY = [
  'job_offer_online_high_pay',
  'recruiter_holds_passport',
  'debt_to_broker',
  'no_destination_address',
  'ticket_paid_by_stranger',
  'told_to_lie_about_purpose',
] as const

export type StoryCode = (typeof NEUTRAL_STORY)[number] | (typeof INDICATOR_STORY)[number]

export function isIndicator(code: StoryCode): boolean {
  return (INDICATOR_STORY as readonly string[]).includes(code)
}
