import { type AgeBand, ageBandOf, defineAgeBands } from '../statistics/age-bands.ts'
import { ageOn } from '../statistics/calendar.ts'
import { newCase } from './case-record.ts'
import { consentStatus } from './consent.ts'
import { generaliseDate } from './generalise.ts'
import { type ExportInput, htcdsCaseStatus } from './htcds-export.ts'
import {
  CONTROL_METHODS,
  type HtcdsVulnerability,
  LABOUR_EXPLOITATION_TYPES,
  SEX_EXPLOITATION_TYPES,
} from './htcds-vocabularies.ts'
import { HTCDS_GENDER } from './person.ts'
import { emptyVictimContext } from './victim-context.ts'

/**
 * The two published shapes of the de-identified case export (reference/case-standards/README.md):
 * HTCDS, IOM's case data standard, with its prefixed field names and picklist value names verbatim; and
 * CTDC, the columns and spellings of the Counter Trafficking Data Collaborative's k-anonymised dataset.
 */
export const CASE_EXPORT_PROFILES = ['htcds', 'ctdc'] as const
export type CaseExportProfile = (typeof CASE_EXPORT_PROFILES)[number]

export type ExportRow = Record<string, string>

/** Columns that together could single a person out: the k-anonymity check runs on these. */
export const PROFILE_QUASI_IDENTIFIERS: Readonly<Record<CaseExportProfile, readonly string[]>> = {
  htcds: ['prs_Gender', 'prs_Nationality'],
  ctdc: ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship'],
}

/** HTCDS spells two vulnerability value names with a space; Passage's codes drop it. */
const HTCDS_VULNERABILITY_NAMES: Partial<Record<HtcdsVulnerability, string>> = {
  MentalHealth: 'Mental health',
  WorkEnvironment: 'Work environment',
}

/** HTCDS multiselect picklists as Salesforce writes them: value names joined by `;`, in the standard's order. */
function multiselect(chosen: readonly string[], order: readonly string[]): string {
  return order.filter((v) => chosen.includes(v)).join(';')
}

export function toHtcdsRow(input: ExportInput, toAlpha2: (alpha3: string) => string | undefined): ExportRow {
  const { person, victim } = input
  return {
    prs_Gender: HTCDS_GENDER[person.gender],
    prs_Nationality: (person.nationality && toAlpha2(person.nationality)) || '',
    cas_Status: htcdsCaseStatus(input.protectionCase),
    vic_AgreementToManagePersonalData: String(consentStatus(input.consents, 'services') === 'given'),
    vic_MethodsOfControl: multiselect(victim.methodsOfControl, CONTROL_METHODS),
    vic_TypeOfLabourExploitation: multiselect(victim.labourExploitation, LABOUR_EXPLOITATION_TYPES),
    vic_TypeOfSexExploitation: multiselect(victim.sexExploitation, SEX_EXPLOITATION_TYPES),
    vic_Vulnerabilities: victim.vulnerabilities.map((v) => HTCDS_VULNERABILITY_NAMES[v] ?? v).join(';'),
  }
}

/** CTDC's missing-value code. */
const CTDC_MISSING = '-99'

/** CTDC's `ageBroad` bands (0--8, 9--17, 18--20 … 48+), written with its double hyphen. */
const CTDC_AGE_BANDS: readonly AgeBand[] = (() => {
  const bands = defineAgeBands([0, 9, 18, 21, 24, 27, 30, 39, 48])
  if (!bands.ok) throw new Error(bands.error.code)
  return bands.value.map((b) => ({ ...b, label: b.label.replace('-', '--') }))
})()

const flag = (on: boolean) => (on ? '1' : '0')

export function toCtdcRow(input: ExportInput, toAlpha2: (alpha3: string) => string | undefined): ExportRow {
  const { person, victim } = input
  const age = person.birthDate ? ageOn(person.birthDate, input.registeredOn) : undefined
  const year = generaliseDate(input.registeredOn, 'year')
  const row: ExportRow = {
    yearOfRegistration: /^\d{4}$/.test(year) ? year : CTDC_MISSING,
    gender: person.gender === 'unknown' ? CTDC_MISSING : HTCDS_GENDER[person.gender],
    ageBroad: (age !== undefined && ageBandOf(age, CTDC_AGE_BANDS)?.label) || CTDC_MISSING,
    majorityStatus: age === undefined ? CTDC_MISSING : age < 18 ? 'Minor' : 'Adult',
    citizenship: (person.nationality && toAlpha2(person.nationality)) || CTDC_MISSING,
  }
  for (const m of CONTROL_METHODS) row[`meansOfControl${m}`] = flag(victim.methodsOfControl.includes(m))
  row.meansOfControlNotSpecified = flag(victim.methodsOfControl.length === 0)
  row.isForcedLabour = flag(victim.labourExploitation.length > 0)
  row.isSexualExploit = flag(victim.sexExploitation.length > 0)
  for (const t of LABOUR_EXPLOITATION_TYPES)
    row[`typeOfLabour${t}`] = flag(victim.labourExploitation.includes(t))
  row.typeOfLabourNotSpecified = flag(victim.labourExploitation.length === 0)
  for (const t of SEX_EXPLOITATION_TYPES) row[`typeOfSex${t}`] = flag(victim.sexExploitation.includes(t))
  return row
}

export const PROFILE_ROW: Readonly<
  Record<
    CaseExportProfile,
    (input: ExportInput, toAlpha2: (alpha3: string) => string | undefined) => ExportRow
  >
> = { htcds: toHtcdsRow, ctdc: toCtdcRow }

/** A profile's columns in order, also when no row is released (an empty file still says what it holds). */
export function profileColumns(profile: CaseExportProfile): string[] {
  const nobody: ExportInput = {
    person: { id: '', name: { latin: { given: '', family: '' } }, gender: 'unknown' },
    victim: emptyVictimContext(''),
    protectionCase: newCase('', ''),
    consents: [],
    registeredOn: '2000-01-01',
  }
  return Object.keys(PROFILE_ROW[profile](nobody, () => undefined))
}
