import { presentPersonName } from './person.presenter.ts'
import type { PersonRow, ProviderRow, ReferralRow } from './protection.tables.ts'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function providerName(p: ProviderRow | undefined) {
  return p ? { id: p.id, nameEn: p.name_en, nameKm: p.name_km } : null
}

/**
 * What a border officer sees of a referral they made: that it exists, where it went and its status —
 * never the person, the services asked for or the note.
 */
export function presentReferralStatus(r: ReferralRow, provider: ProviderRow | undefined) {
  return {
    id: r.id,
    state: r.state,
    provider: providerName(provider),
    fromAgency: r.from_agency,
    fromPost: r.from_post,
    toAgency: r.to_agency,
    createdAt: r.created_at.toISOString(),
    answeredAt: iso(r.answered_at),
    completedAt: iso(r.completed_at),
  }
}

/** For protection roles of the sending or receiving agency. */
export function presentReferral(
  r: ReferralRow,
  provider: ProviderRow | undefined,
  person: PersonRow | undefined,
  names: Map<string, string>,
) {
  return {
    ...presentReferralStatus(r, provider),
    person: person ? presentPersonName(person) : null,
    caseId: r.case_id,
    services: r.services,
    note: r.note,
    basis: r.basis,
    /** Referred from a mass return before the screening: the receiving social worker completes it. */
    identificationPending: r.identification_id === null && r.case_id === null,
    override: r.override as { ground: string; reason: string; overridden: string[] } | null,
    createdBy: names.get(r.created_by) ?? null,
    steps: Object.fromEntries(
      Object.entries(r.steps).map(([event, s]) => [
        event,
        { by: names.get(s.by) ?? null, at: s.at, reason: s.reason ?? null },
      ]),
    ),
  }
}

export type ReferralView = ReturnType<typeof presentReferral>
export type ReferralStatusView = ReturnType<typeof presentReferralStatus>
