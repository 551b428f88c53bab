import type { CrossingContext, PastCrossing } from '../risk/context.ts'
import type { DocumentType, Relationship, Sex } from '../risk/domains.ts'
import { ageOn, daysBetween } from './days.ts'
import { currentStay, lastAdmitted } from './stay.ts'
import type { Direction, PastMovement, Relation, TransportKind, TravelPurpose } from './types.ts'

/** The risk engine looks back this far for recent crossings. */
const RECENT_DAYS = 180
const MAX_DAYS = 3650

export interface InspectedDocument {
  documentCode: string
  issuingState: string
  nationality: string | null
  birthDate: string | null
  sex: string | null
  expiryDate: string | null
}

export interface DeclaredTravel {
  direction?: Direction | null
  purpose?: TravelPurpose | null
  transport?: TransportKind | null
  declaredStayDays?: number | null
  companions?: { relation: Relation; birthDate: string | null }[]
}

const SEX: Record<string, Sex> = { F: 'female', M: 'male', X: 'unspecified' }
const RELATIONSHIP: Record<Relation, Relationship> = {
  parent: 'parent',
  legal_guardian: 'legal_guardian',
  relative: 'relative',
  spouse: 'spouse',
  child: 'relative',
  group_member: 'other',
  other: 'other',
}

/** ICAO 9303 codes: `P…` passports, `I`/`A`/`C` identity cards; anything else is left as `other`. */
function documentType(code: string): DocumentType {
  if (code.startsWith('P')) return 'passport'
  if (/^[IAC]/.test(code)) return 'identity_card'
  return 'other'
}

const clampDays = (n: number) => Math.min(MAX_DAYS, Math.max(0, n))

/** The companions as the risk engine sees them: how each is related, and their age on the day. */
export function companionFacts(
  companions: readonly { relation: Relation; birthDate: string | null }[],
  day: string,
): CrossingContext['companions'] {
  return companions.map((c) => ({
    relationship: RELATIONSHIP[c.relation],
    ageYears: ageOn(c.birthDate, day),
  }))
}

/**
 * The facts the risk engine may see about an inspection, from the document, the record and what the officer typed.
 * A fact Passage cannot know stays null: an empty record is not a first trip abroad, since Passage records only
 * the crossings made since it was installed.
 */
export function riskContext(o: {
  document: InspectedDocument
  history: readonly PastMovement[]
  day: string
  travel: DeclaredTravel
}): Partial<CrossingContext> {
  const d = o.document
  const last = lastAdmitted(o.history)
  const direction = o.travel.direction ?? null
  const recent: PastCrossing[] = o.history
    .filter((m) => m.decision === 'admit' && daysBetween(m.day, o.day) <= RECENT_DAYS)
    .map((m) => ({ direction: m.direction, post: m.postCode, daysAgo: clampDays(daysBetween(m.day, o.day)) }))
  const stay = currentStay(o.history, o.day)
  return {
    traveller: {
      ageYears: ageOn(d.birthDate, o.day),
      sex: d.sex ? (SEX[d.sex] ?? null) : null,
      nationality: d.nationality,
      firstInternationalTrip: last ? false : null,
    },
    document: {
      type: documentType(d.documentCode),
      issuingState: d.issuingState,
      daysToExpiry: d.expiryDate?.length === 10 ? clampDays(daysBetween(o.day, d.expiryDate)) : null,
    },
    travel: {
      direction,
      purpose: o.travel.purpose ?? null,
      transport: o.travel.transport ?? null,
      declaredStayDays: o.travel.declaredStayDays ?? null,
    },
    companions: companionFacts(o.travel.companions ?? [], o.day),
    history: {
      previousCrossings: o.history.filter((m) => m.decision === 'admit').length,
      lastStayDays: last ? (stay?.days ?? clampDays(daysBetween(last.day, o.day))) : null,
      recentCrossings: recent,
    },
  }
}
