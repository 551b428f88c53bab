import type {
  Direction,
  DocumentType,
  JobOfferChannel,
  Purpose,
  Relationship,
  Sex,
  Transport,
} from './domains.ts'

/**
 * What a risk rule may see about one crossing. Every fact is optional: a missing or null value means "not known",
 * and a comparison with an unknown value is itself unknown, so missing data never triggers an indicator on its own.
 * Extra keys are ignored: rules reach the context only through the field catalogue (`fields.ts`), so a protected
 * attribute slipped into a context by a caller can never be read by a rule.
 */
export interface CrossingContext {
  traveller: TravellerFacts
  document: DocumentFacts
  travel: TravelFacts
  companions: Companion[]
  history: HistoryFacts
  /** Links to other travellers, counted by the caller over a window (same sponsor, recruiter or phone). */
  network: NetworkFacts
  interview: InterviewAnswers
}

type Known<T> = T | null | undefined

export interface TravellerFacts {
  ageYears?: Known<number>
  sex?: Known<Sex>
  /** ICAO 9303 three-letter code, e.g. `KHM`. */
  nationality?: Known<string>
  firstInternationalTrip?: Known<boolean>
}

export interface DocumentFacts {
  type?: Known<DocumentType>
  issuingState?: Known<string>
  daysSinceIssue?: Known<number>
  daysToExpiry?: Known<number>
  /** False when someone else presented or kept the traveller's document at the desk. */
  heldByTraveller?: Known<boolean>
}

export interface TravelFacts {
  direction?: Known<Direction>
  purpose?: Known<Purpose>
  /** Point-of-entry code, e.g. `POIPET`. */
  post?: Known<string>
  transport?: Known<Transport>
  destinationCountry?: Known<string>
  /** A place code such as `KHM:SIHANOUKVILLE` or `MMR:MYAWADDY`, matched against the rule set's lists. */
  destinationArea?: Known<string>
  declaredStayDays?: Known<number>
  returnTicket?: Known<boolean>
  carriesBelongings?: Known<boolean>
  /** `none` when the traveller declares no job offer. */
  jobOfferChannel?: Known<JobOfferChannel>
  sponsorId?: Known<string>
  recruiterId?: Known<string>
  recruiterLicensed?: Known<boolean>
  contactPhone?: Known<string>
  guardianConsentLetter?: Known<boolean>
}

export interface Companion {
  relationship?: Known<Relationship>
  ageYears?: Known<number>
  answersForTraveller?: Known<boolean>
  holdsTravellerDocuments?: Known<boolean>
}

export interface PastCrossing {
  direction?: Known<Direction>
  post?: Known<string>
  daysAgo?: Known<number>
  stayDays?: Known<number>
}

export interface HistoryFacts {
  previousCrossings?: Known<number>
  /** Length of the stay this crossing ends: days since the traveller's last crossing in the other direction. */
  lastStayDays?: Known<number>
  /** The last 180 days of crossings, newest first. */
  recentCrossings?: PastCrossing[]
  distinctCompanionsLast90Days?: Known<number>
}

export interface NetworkFacts {
  sameSponsorTravellers7d?: Known<number>
  sameRecruiterTravellers7d?: Known<number>
  samePhoneTravellers7d?: Known<number>
}

/** Answers recorded during a secondary interview (see `questions.ts`); each is unknown until asked. */
export interface InterviewAnswers {
  statedPurpose?: Known<Purpose>
  jobOfferChannel?: Known<JobOfferChannel>
  knowsEmployer?: Known<boolean>
  paidRecruitmentFee?: Known<boolean>
  owesDebt?: Known<boolean>
  journeyPaidByOther?: Known<boolean>
  documentsHeldByOther?: Known<boolean>
  travellingFreely?: Known<boolean>
  freeToLeaveWork?: Known<boolean>
  paidAsPromised?: Known<boolean>
}

/** An empty context: every fact unknown. */
export function emptyContext(): CrossingContext {
  return {
    traveller: {},
    document: {},
    travel: {},
    companions: [],
    history: {},
    network: {},
    interview: {},
  }
}
