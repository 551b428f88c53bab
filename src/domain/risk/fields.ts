import type { DomainName } from './domains.ts'
import { protectedAttributeOf } from './protected-attributes.ts'

export type ListItemName = 'companion' | 'pastCrossing'

export type FieldType =
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'enum'; domain: DomainName }
  /** Free codes (countries, posts, identifiers): compared for equality or membership only. */
  | { kind: 'string' }
  | { kind: 'list'; item: ListItemName; maxItems: number }

/** Where a fact comes from, so an analyst can see which rules depend on an interview having taken place. */
export type FieldSource = 'document' | 'declared' | 'observed' | 'history' | 'network' | 'interview'

export interface FieldDef {
  path: string
  type: FieldType
  source: FieldSource
  description: string
}

const bool = { kind: 'boolean' } as const
const str = { kind: 'string' } as const
const num = (min: number, max: number): FieldType => ({ kind: 'number', min, max })
const oneOf = (domain: DomainName): FieldType => ({ kind: 'enum', domain })

type Row = [path: string, type: FieldType, source: FieldSource, description: string]

/** Builds a catalogue, refusing any field that names a protected attribute, whoever adds it. */
export function defineFields(rows: readonly Row[]): ReadonlyMap<string, FieldDef> {
  const out = new Map<string, FieldDef>()
  for (const [path, type, source, description] of rows) {
    const attribute = protectedAttributeOf(path)
    if (attribute) throw new Error(`Field ${path} names the protected attribute ${attribute}`)
    if (out.has(path)) throw new Error(`Field ${path} is defined twice`)
    out.set(path, { path, type, source, description })
  }
  return out
}

/** Every path a rule may reference at the top level of a crossing context. */
export const FIELDS = defineFields([
  ['traveller.ageYears', num(0, 130), 'document', 'Age in completed years on the day of crossing'],
  ['traveller.sex', oneOf('sex'), 'document', 'Sex as printed in the travel document'],
  ['traveller.nationality', str, 'document', 'Nationality, ICAO three-letter code'],
  ['traveller.firstInternationalTrip', bool, 'history', 'No earlier international crossing is on record'],
  ['document.type', oneOf('documentType'), 'document', 'Kind of travel document presented'],
  ['document.issuingState', str, 'document', 'Issuing state, ICAO three-letter code'],
  ['document.daysSinceIssue', num(0, 3650), 'document', 'Days between issue and crossing'],
  ['document.daysToExpiry', num(0, 3650), 'document', 'Days between crossing and expiry'],
  ['document.heldByTraveller', bool, 'observed', 'The traveller presented and kept their own document'],
  ['travel.direction', oneOf('direction'), 'observed', 'Entry into or exit from Cambodia'],
  ['travel.purpose', oneOf('purpose'), 'declared', 'Declared purpose of travel'],
  ['travel.post', str, 'observed', 'Point of entry code'],
  ['travel.transport', oneOf('transport'), 'observed', 'Mode of transport'],
  ['travel.destinationCountry', str, 'declared', 'Declared destination country, ICAO code'],
  ['travel.destinationArea', str, 'declared', 'Declared destination place code, e.g. KHM:SIHANOUKVILLE'],
  ['travel.declaredStayDays', num(0, 3650), 'declared', 'Declared length of stay in days'],
  ['travel.returnTicket', bool, 'declared', 'Holds a return or onward ticket'],
  ['travel.carriesBelongings', bool, 'observed', 'Carries luggage or personal belongings'],
  ['travel.jobOfferChannel', oneOf('jobOfferChannel'), 'declared', 'How a declared job offer was received'],
  ['travel.sponsorId', str, 'declared', 'Identifier of the declared sponsor or inviting person'],
  ['travel.recruiterId', str, 'declared', 'Identifier of the declared recruiter or agency'],
  ['travel.recruiterLicensed', bool, 'declared', 'The recruiter is a licensed recruitment agency'],
  ['travel.contactPhone', str, 'declared', 'Contact phone given for the journey'],
  ['travel.guardianConsentLetter', bool, 'observed', 'A minor shows written consent of a parent or guardian'],
  [
    'companions',
    { kind: 'list', item: 'companion', maxItems: 50 },
    'observed',
    'People travelling with them',
  ],
  ['history.previousCrossings', num(0, 100000), 'history', 'Crossings on record before this one'],
  ['history.lastStayDays', num(0, 36500), 'history', 'Days since the last crossing in the other direction'],
  [
    'history.recentCrossings',
    { kind: 'list', item: 'pastCrossing', maxItems: 1000 },
    'history',
    'Crossings in the last 180 days',
  ],
  ['history.distinctCompanionsLast90Days', num(0, 10000), 'history', 'Different companions in 90 days'],
  ['network.sameSponsorTravellers7d', num(0, 100000), 'network', 'Travellers with the same sponsor, 7 days'],
  [
    'network.sameRecruiterTravellers7d',
    num(0, 100000),
    'network',
    'Travellers with the same recruiter, 7 days',
  ],
  ['network.samePhoneTravellers7d', num(0, 100000), 'network', 'Travellers giving the same phone, 7 days'],
  ['interview.statedPurpose', oneOf('purpose'), 'interview', 'Purpose in the traveller’s own words'],
  ['interview.jobOfferChannel', oneOf('jobOfferChannel'), 'interview', 'How the job offer reached them'],
  ['interview.knowsEmployer', bool, 'interview', 'Can name the employer and the work address'],
  ['interview.paidRecruitmentFee', bool, 'interview', 'Paid a fee to get the job or the journey'],
  ['interview.owesDebt', bool, 'interview', 'Owes money to a recruiter, employer or lender for the journey'],
  ['interview.journeyPaidByOther', bool, 'interview', 'Someone else arranged and paid for the journey'],
  ['interview.documentsHeldByOther', bool, 'interview', 'Someone else keeps their documents'],
  [
    'interview.travellingFreely',
    bool,
    'interview',
    'Says, alone with the officer, they travel of their own will',
  ],
  ['interview.freeToLeaveWork', bool, 'interview', 'Was free to leave the last workplace'],
  ['interview.paidAsPromised', bool, 'interview', 'Was paid what was promised'],
])

/** Fields of the items of a list field, referenced by their bare name inside a `count … where`. */
export const ITEM_FIELDS: Record<ListItemName, ReadonlyMap<string, FieldDef>> = {
  companion: defineFields([
    ['relationship', oneOf('relationship'), 'observed', 'Relationship to the traveller'],
    ['ageYears', num(0, 130), 'document', 'Age of the companion'],
    ['answersForTraveller', bool, 'observed', 'Answered questions put to the traveller'],
    ['holdsTravellerDocuments', bool, 'observed', 'Holds the traveller’s documents'],
  ]),
  pastCrossing: defineFields([
    ['direction', oneOf('direction'), 'history', 'Entry or exit'],
    ['post', str, 'history', 'Point of entry code'],
    ['daysAgo', num(0, 36500), 'history', 'Days before this crossing'],
    ['stayDays', num(0, 36500), 'history', 'Length of the stay that crossing ended'],
  ]),
}
