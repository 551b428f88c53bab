import { fail, ok, PROTECTION_ERRORS, type Result } from './errors.ts'
import type { OrganisationType } from './htcds-vocabularies.ts'
import type { Address } from './person.ts'

/** What providers offer, from immediate assistance at the border to reintegration (issue 7). */
export const SERVICE_TYPES = [
  'shelter',
  'food',
  'medicalCare',
  'psychosocialSupport',
  'legalAid',
  'familyTracing',
  'transportHome',
  'vocationalTraining',
  'incomeSupport',
  'communitySupport',
] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

/** HTCDS "Organisation", with the services and capacity a referral needs to know. */
export interface Organisation {
  id: string
  /** HTCDS has one name; we keep both scripts. */
  name: { en: string; km?: string }
  type: OrganisationType
  address?: Address
  phone?: string
  services: readonly ServiceType[]
  /** Shelter beds; absent for organisations without a shelter. */
  shelter?: { beds: number; occupied: number }
}

export function freeBeds(organisation: Organisation): number {
  return organisation.shelter ? Math.max(0, organisation.shelter.beds - organisation.shelter.occupied) : 0
}

/**
 * Whether a provider can take a referral for these services now: it must offer each of them, and a
 * shelter referral needs a free bed. Checked when the referral is made and again when it is accepted,
 * because beds fill up in between.
 */
export function checkProviderCanServe(
  organisation: Organisation,
  services: readonly ServiceType[],
): Result<Organisation> {
  if (services.length === 0) return fail(PROTECTION_ERRORS.noServicesRequested)
  const missing = services.find((s) => !organisation.services.includes(s))
  if (missing)
    return fail(PROTECTION_ERRORS.serviceNotOffered, { service: missing, organisation: organisation.name.en })
  if (services.includes('shelter') && freeBeds(organisation) === 0) {
    return fail(PROTECTION_ERRORS.noCapacity, { organisation: organisation.name.en })
  }
  return ok(organisation)
}
