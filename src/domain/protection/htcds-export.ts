import type { CaseRecord } from './case-record.ts'
import type { ConsentRecord } from './consent.ts'
import type { HtcdsCaseStatus } from './htcds-vocabularies.ts'
import type { Person } from './person.ts'
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
