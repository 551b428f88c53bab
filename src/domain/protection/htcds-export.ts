import { ageOn } from '../statistics/calendar.ts'
import type { CaseRecord } from './case-record.ts'
import { type ConsentRecord, consentStatus } from './consent.ts'
import { generaliseAge, generaliseDate, SUPPRESSED } from './generalise.ts'
import {
  CONTROL_METHODS,
  type HtcdsCaseStatus,
  LABOUR_EXPLOITATION_TYPES,
  SEX_EXPLOITATION_TYPES,
} from './htcds-vocabularies.ts'
import { HTCDS_GENDER, type Person } from './person.ts'
import type { VictimContext } from './victim-context.ts'

/** HTCDS case status from our workflow: monitoring is HTCDS's FollowUp; a case closed by referral out is ClosedReferred. */
export function htcdsCaseStatus(record: Pick<CaseRecord, 'state' | 'closure'>): HtcdsCaseStatus {
  if (record.state === 'closed')
    return record.closure?.reason === 'referredOutside' ? 'ClosedReferred' : 'Closed'
  return record.state === 'monitoring' ? 'FollowUp' : 'Active'
}

export interface ExportInput {
  person: Person
  victim: VictimContext
  protectionCase: CaseRecord
  consents: readonly ConsentRecord[]
  /** `YYYY-MM-DD` the case was opened: the reference date for age and year of registration. */
  registeredOn: string
}

/** Quasi-identifiers of the de-identified export, as CTDC's public dataset uses them. */
export const EXPORT_QUASI_IDENTIFIERS = ['gender', 'ageBand', 'citizenship', 'yearOfRegistration'] as const

export type DeidentifiedRow = Record<string, string | boolean>

/**
 * One de-identified HTCDS-shaped row: no name, contact, address, date of birth or free text; age as a band
 * at registration, registration as a year, multi-select fields spread into one yes/no column per value
 * (as CTDC publishes them). `toAlpha2` converts the ICAO nationality code (reference data, not ours).
 * Check the rows with `checkKAnonymity(rows, EXPORT_QUASI_IDENTIFIERS)` before release.
 */
export function toDeidentifiedRow(
  input: ExportInput,
  toAlpha2: (alpha3: string) => string | undefined,
): DeidentifiedRow {
  const { person, victim, protectionCase } = input
  const age = person.birthDate ? ageOn(person.birthDate, input.registeredOn) : undefined
  const row: DeidentifiedRow = {
    gender: HTCDS_GENDER[person.gender],
    ageBand: generaliseAge(age),
    citizenship: (person.nationality && toAlpha2(person.nationality)) || SUPPRESSED,
    yearOfRegistration: generaliseDate(input.registeredOn, 'year'),
    caseStatus: htcdsCaseStatus(protectionCase),
    agreementToManagePersonalData: consentStatus(input.consents, 'services') === 'given',
  }
  for (const m of CONTROL_METHODS) row[`methodsOfControl${m}`] = victim.methodsOfControl.includes(m)
  for (const t of LABOUR_EXPLOITATION_TYPES) row[`typeOfLabour${t}`] = victim.labourExploitation.includes(t)
  for (const t of SEX_EXPLOITATION_TYPES) row[`typeOfSex${t}`] = victim.sexExploitation.includes(t)
  return row
}
