import { createHash, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Tx } from '../../platform/db/database.ts'
import { findAgreement, saveAgreement } from './agreements.ts'
import { demoPartnerKeys } from './seed-exchange.ts'

const PERSONS = [
  ['1', 'Dara', 'Sok', 'ដារ៉ា', 'សុខ', '1995-02-11', 'Male', 'Battambang'],
  ['2', 'Chenda', 'Keo', 'ចិន្តា', 'កែវ', '2001-09-30', 'Female', 'Prey Veng'],
  ['3', 'Rithy', 'Nov', 'រិទ្ធី', 'នៅ', '1988-12-05', 'Male', 'Takeo'],
] as const

const PARTNER = 'LA-MLSW'
const AGREEMENT = 'KH-LA-NV-DEMO'

/**
 * A nationality verification list as received from a Lao demo partner on the demo's first day, so the verification
 * screen has a list to answer. It has no signed envelope behind it (demo partners' private keys do not exist), so it
 * gets a partner of its own: the Thai line between the two instances of the tests stays a verifiable chain.
 */
export async function seedExchangeAdmin(trx: Tx): Promise<void> {
  const listRef = 'LA-NV-DEMO-001'
  // Once: a restart of the demo adds nothing.
  const seeded = await trx
    .selectFrom('exchange_messages')
    .select('id')
    .where('type', '=', 'nationality.verification_list')
    .where('direction', '=', 'in')
    .where(sql<string>`content->>'xch_ListRef'`, '=', listRef)
    .executeTakeFirst()
  if (seeded) return
  const thai = await findAgreement(trx, 'KH-TH-MOU-2003')
  if (!thai) return
  await trx
    .insertInto('exchange_authorities')
    .values({
      code: PARTNER,
      country: 'LA',
      name_en: 'Ministry of Labour and Social Welfare (Lao PDR)',
      name_km: 'ក្រសួងការងារ និងសុខុមាលភាពសង្គម (ឡាវ)',
      endpoint: null,
      contacts: JSON.stringify([
        { name: 'Returnee verification desk', role: 'focal point', email: 'focal@mlsw.example', phone: null },
      ]),
      agency_code: null,
      demo: true,
    })
    .execute()
  await demoPartnerKeys(trx, PARTNER)
  // The same two rules as the Thai agreement's: a list in, the answers out.
  const rules = {
    'nationality.verification_list': thai.rules['nationality.verification_list'],
    'nationality.verification_answers': thai.rules['nationality.verification_answers'],
  }
  await saveAgreement({
    trx,
    actor: null,
    agreement: {
      code: AGREEMENT,
      title: 'Cambodia–Lao PDR nationality verification of returnees (demo)',
      legal: {
        title: 'COMMIT Memorandum of Understanding on Cooperation against Trafficking in Persons in the GMS',
        date: '2004-10-29',
        article: 'repatriation network',
      },
      partner: PARTNER,
      validFrom: '2024-01-01',
      validUntil: '2030-12-31',
      rules,
      demo: true,
    },
  })
  const content = {
    xch_ListRef: listRef,
    xch_Persons: PERSONS.map(([row, given, family, givenKm, familyKm, born, gender, province]) => ({
      xch_RowId: row,
      prs_FirstName: given,
      prs_SecondName: family,
      xch_FirstNameNative: givenKm,
      xch_SecondNameNative: familyKm,
      prs_Birthdate: born,
      prs_Gender: gender,
      xch_ClaimedNationality: 'KH',
      xch_HomeProvince: province,
      xch_ReturnKind: 'deportee',
    })),
  }
  const body = JSON.stringify(content)
  await trx
    .insertInto('exchange_messages')
    .values({
      id: randomUUID(),
      direction: 'in',
      partner_code: PARTNER,
      agreement_code: AGREEMENT,
      type: 'nationality.verification_list',
      thread_ref: null,
      content: body,
      jws: null,
      hash: createHash('sha256').update(`demo:${body}`).digest('hex'),
      prev_hash: null,
      sent_at: new Date(),
      status: 'applied',
      sealed: null,
      next_attempt_at: null,
      created_by: null,
      purged_at: null,
    })
    .execute()
}
