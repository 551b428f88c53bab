import type { Executor } from '../../platform/db/database.ts'
import { json } from './protection-actor.ts'

/**
 * Demo providers with real names, for training and the end-to-end test. Contact details are left empty on
 * purpose (we do not invent them) and the bed counts are demo figures, not the facilities' real capacity.
 * Fixed ids and ON CONFLICT DO NOTHING make it safe when several processes start at once.
 */
/** The MoSVY transit centre at Poipet: the demo day's referrals go there. */
export const POIPET_TRANSIT_CENTRE = '7a0c1d2e-0001-4000-8000-000000000001'

const DEMO_PROVIDERS = [
  {
    id: '7a0c1d2e-0001-4000-8000-000000000001',
    agency_code: 'MOSVY',
    name_en: 'MoSVY Poipet transit centre',
    name_km: 'មណ្ឌលស្នាក់នៅបណ្តោះអាសន្នប៉ោយប៉ែត ក្រសួងសង្គមកិច្ច',
    type: 'CentralGovernmentOrganisation',
    services: ['shelter', 'food', 'medicalCare', 'psychosocialSupport', 'familyTracing', 'transportHome'],
    province_code: 'KH-1',
    location: 'Poipet',
    shelter_beds: 40,
  },
  {
    id: '7a0c1d2e-0001-4000-8000-000000000002',
    agency_code: 'NGO',
    name_en: 'Damnok Toek, Poipet',
    name_km: 'ដំណក់ទឹក ប៉ោយប៉ែត',
    type: 'NGO',
    services: ['shelter', 'food', 'psychosocialSupport', 'familyTracing', 'vocationalTraining'],
    province_code: 'KH-1',
    location: 'Poipet',
    shelter_beds: 20,
  },
  {
    id: '7a0c1d2e-0001-4000-8000-000000000003',
    agency_code: 'NGO',
    name_en: 'Legal Support for Children and Women (LSCW)',
    name_km: 'អង្គការជំនួយផ្នែកច្បាប់សម្រាប់កុមារ និងស្ត្រី',
    type: 'LegalService',
    services: ['legalAid', 'incomeSupport', 'communitySupport'],
    province_code: 'KH-12',
    location: 'Phnom Penh',
    shelter_beds: null,
  },
  {
    id: '7a0c1d2e-0001-4000-8000-000000000004',
    agency_code: 'IOM',
    name_en: 'IOM Cambodia',
    name_km: 'អង្គការអន្តរជាតិទេសន្តរប្រវេសន៍ ប្រចាំកម្ពុជា',
    type: 'NGO',
    services: ['transportHome', 'medicalCare', 'incomeSupport', 'vocationalTraining'],
    province_code: 'KH-12',
    location: 'Phnom Penh',
    shelter_beds: null,
  },
] as const

export async function seedDemoProviders(db: Executor): Promise<void> {
  const any = await db.selectFrom('protection_providers').select('id').limit(1).executeTakeFirst()
  if (any) return
  await db
    .insertInto('protection_providers')
    .values(
      DEMO_PROVIDERS.map((p) => ({
        ...p,
        services: json(p.services),
        contact_name: '',
        phone: '',
        email: '',
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}
