import { ISO_3166_ALPHA3 } from './iso3166-alpha3.ts'

/**
 * Codes that ICAO 9303 Part 3 allows besides ISO 3166-1 alpha-3, with why each exists. Kosovo appears twice:
 * RKS is ICAO's code, XXK a temporary code still printed on German residence permits.
 */
export const ICAO_SPECIAL_CODES: Readonly<Record<string, string>> = {
  D: 'Germany (one-letter code, written D<<)',
  GBD: 'British Overseas Territories Citizen',
  GBN: 'British National (Overseas)',
  GBO: 'British Overseas Citizen',
  GBP: 'British Protected Person',
  GBS: 'British Subject',
  RKS: 'Kosovo',
  XXK: 'Kosovo (temporary code)',
  EUE: 'European Union',
  UNO: 'United Nations Organization',
  UNA: 'Specialized agency of the United Nations',
  UNK: 'Resident of Kosovo, document issued by UNMIK',
  XBA: 'African Development Bank',
  XIM: 'African Export–Import Bank',
  XCC: 'Caribbean Community',
  XCE: 'Council of Europe',
  XCO: 'Common Market for Eastern and Southern Africa',
  XEC: 'Economic Community of West African States',
  XPO: 'International Criminal Police Organization (INTERPOL)',
  XES: 'Organisation of Eastern Caribbean States',
  XOM: 'Sovereign Military Order of Malta',
  XDC: 'Southern African Development Community',
  XXA: 'Stateless person (1954 Convention)',
  XXB: 'Refugee (1951 Convention)',
  XXC: 'Refugee (other than the 1951 Convention)',
  XXX: 'Unspecified nationality',
}

/** Withdrawn codes still printed on documents that may be presented (Netherlands Antilles, Neutral Zone). */
export const DEPRECATED_CODES: readonly string[] = ['ANT', 'NTZ']

/** The fictional state of the ICAO specimens; accepted only in specimen (training) mode. */
export const SPECIMEN_STATE = 'UTO'

/** Nationality codes whose holder is stateless or a refugee: a protection matter, not a risk indicator. */
export const PROTECTION_CODES: Readonly<Record<string, 'stateless' | 'refugee' | 'other_refugee'>> = {
  XXA: 'stateless',
  XXB: 'refugee',
  XXC: 'other_refugee',
}

export type StateCodeKind = 'iso' | 'special' | 'deprecated' | 'specimen' | 'unknown'

const ISO = new Set(ISO_3166_ALPHA3)

export interface StateCode {
  /** As written, fillers removed (`D` for `D<<`). */
  raw: string
  /** What the rest of the system stores: `D` becomes `DEU`, everything else is unchanged. */
  code: string
  kind: StateCodeKind
}

// Parsing meets the same few hundred valid codes again and again; unknown codes are not kept, so this stays small.
const known = new Map<string, Readonly<StateCode>>()

/** Classifies a three-character state field as read from the MRZ (with its fillers). */
export function readStateCode(field: string): Readonly<StateCode> {
  const hit = known.get(field)
  if (hit) return hit
  const state = Object.freeze(classify(field))
  if (state.kind !== 'unknown') known.set(field, state)
  return state
}

function classify(field: string): StateCode {
  let end = field.length
  while (end > 0 && field.charCodeAt(end - 1) === 60) end--
  const raw = end === field.length ? field : field.slice(0, end)
  if (raw === 'D') return { raw, code: 'DEU', kind: 'special' }
  let kind: StateCodeKind = 'unknown'
  if (raw.length === 3) {
    if (ISO.has(raw)) kind = 'iso'
    else if (Object.hasOwn(ICAO_SPECIAL_CODES, raw)) kind = 'special'
    else if (DEPRECATED_CODES.includes(raw)) kind = 'deprecated'
    else if (raw === SPECIMEN_STATE) kind = 'specimen'
  }
  return { raw, code: raw, kind }
}

/** Whether a code (normalised or raw) may appear as issuing state or nationality. */
export function isKnownStateCode(code: string, allowSpecimen = false): boolean {
  const { kind } = readStateCode(code)
  return (
    kind === 'iso' || kind === 'special' || kind === 'deprecated' || (allowSpecimen && kind === 'specimen')
  )
}

/** The three-character field: a code passed as `D` (the German form) is written `D<<`, `DEU` stays `DEU`. */
export function writeStateCode(code: string): string {
  return code.padEnd(3, '<')
}
