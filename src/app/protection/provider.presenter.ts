import type { OrganisationType } from '../../domain/protection/htcds-vocabularies.ts'
import type { Organisation, ServiceType } from '../../domain/protection/organisation.ts'
import type { ProviderRow } from './protection.tables.ts'

/** Providers are not protection content: every signed-in user may see them to choose where to refer. */
export function presentProvider(p: ProviderRow) {
  return {
    id: p.id,
    agencyCode: p.agency_code,
    nameEn: p.name_en,
    nameKm: p.name_km,
    type: p.type,
    services: p.services,
    provinceCode: p.province_code,
    location: p.location,
    contactName: p.contact_name,
    phone: p.phone,
    email: p.email,
    shelterBeds: p.shelter_beds,
    shelterOccupied: p.shelter_occupied,
    freeBeds: p.shelter_beds === null ? null : Math.max(0, p.shelter_beds - p.shelter_occupied),
    active: p.active,
  }
}

export type ProviderView = ReturnType<typeof presentProvider>

/** The domain's organisation: its id is the agency that answers referrals (see `domainActor`). */
export function toOrganisation(p: ProviderRow): Organisation {
  return {
    id: p.agency_code,
    name: { en: p.name_en, km: p.name_km },
    type: p.type as OrganisationType,
    services: p.services as ServiceType[],
    ...(p.shelter_beds === null ? {} : { shelter: { beds: p.shelter_beds, occupied: p.shelter_occupied } }),
  }
}
