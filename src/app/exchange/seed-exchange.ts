import { randomUUID } from 'node:crypto'
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose'
import type { TypeRule } from '../../domain/exchange/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { type AgreementInput, saveAgreement } from './agreements.ts'
import { KEY_ALG, SIG_ALG, type SigningKey } from './envelope.ts'
import { importKeySet } from './keys.ts'
import { seedDemoHandover } from './seed-exchange-handover.ts'

/**
 * Demo data only (issue 17): this instance as Cambodia's NCCT, Thailand's MSDHS and Viet Nam's MOLISA as partners,
 * and two agreements modelled on the Cambodia–Thailand MOU and the Cambodia–Viet Nam agreement. Titles say
 * "demo"; the legal references are as publicly reported, not checked against the signed texts. The partners'
 * keys are fresh public keys whose private halves are thrown away: real keys come from the partner. This
 * instance's own keys are made at start (`ensureOwnKeys`), into the key directory, not by the seed.
 */
const PERSON = [
  'prs_FirstName',
  'prs_SecondName',
  'xch_FirstNameNative',
  'xch_SecondNameNative',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Nationality',
  'xch_HomeProvince',
  'xch_HomeCommune',
  'xch_ParentNames',
]
const rule = (
  purposes: string[],
  fields: string[],
  consent: TypeRule['consent'] = 'not_required',
): TypeRule => ({
  purposes,
  fields,
  retentionDays: 1825,
  consent,
})
const repatriation = (referralExtra: string[]) => ({
  // A referred victim's case opens at MoSVY when the border records the handover.
  'repatriation.referral': {
    ...rule(
      ['repatriation', 'family_tracing'],
      [...PERSON, ...referralExtra, 'cas_ReferringOrganisation', 'cas_IncomingReferralDetails'],
      'required',
    ),
    receivingAgency: 'MOSVY',
  },
  'repatriation.nationality_verification': rule(
    ['repatriation'],
    ['xch_VerificationResult', 'xch_VerifyingOffice'],
  ),
  'repatriation.family_assessment': rule(['repatriation'], ['xch_FamilyAssessment', 'xch_AssessmentSummary']),
  'repatriation.handover_agreed': rule(
    ['repatriation'],
    ['xch_HandoverDate', 'xch_BorderPoint', 'xch_Escorts'],
  ),
  'repatriation.handover_receipt': rule(
    ['repatriation'],
    ['xch_ReceivedAt', 'xch_BorderPoint', 'xch_ReceivingOrganisation'],
  ),
  // Reports due 1, 3, 6 and 12 months after the handover: an assumption for the demo (no public SOP gives them).
  'repatriation.follow_up': {
    ...rule(['reintegration'], ['xch_FollowUpMonth', 'cas_Status', 'xch_FollowUpSummary']),
    followUpMonths: [1, 3, 6, 12],
  },
  'nationality.verification_list': rule(
    ['nationality_verification'],
    [
      'xch_ListRef',
      ...[
        'xch_RowId',
        'prs_FirstName',
        'prs_SecondName',
        'xch_FirstNameNative',
        'xch_SecondNameNative',
        'prs_Birthdate',
        'prs_Gender',
        'xch_ClaimedNationality',
        'xch_HomeProvince',
        'xch_HomeCommune',
        'xch_ReturnKind',
      ].map((f) => `xch_Persons.${f}`),
    ],
  ),
  'nationality.verification_answers': rule(
    ['nationality_verification'],
    [
      'xch_ListRef',
      'xch_Answers.xch_RowId',
      'xch_Answers.xch_VerificationResult',
      'xch_Answers.xch_VerifyingOffice',
    ],
  ),
  'returns.g2g_list': rule(
    ['return'],
    [
      'xch_ListRef',
      ...[
        'xch_RowId',
        'prs_FirstName',
        'prs_SecondName',
        'prs_Gender',
        'prs_Birthdate',
        'prs_Nationality',
        'xch_ExpectedDate',
        'xch_BorderPoint',
      ].map((f) => `xch_Arrivals.${f}`),
    ],
  ),
  'statistics.table': rule(
    ['regional_reporting'],
    ['xch_Period', 'xch_Indicator', 'xch_Cells.xch_Dimension', 'xch_Cells.xch_Count'],
  ),
})

export const DEMO_AGREEMENTS: AgreementInput[] = [
  {
    code: 'KH-TH-MOU-2003',
    title: 'Cambodia–Thailand MOU on eliminating trafficking in children and women (demo)',
    legal: {
      title:
        'MOU on Bilateral Cooperation for Eliminating Trafficking in Children and Women and Assisting Victims of Trafficking',
      date: '2003-05-31',
      article: 'Repatriation and SOP',
    },
    partner: 'TH-MSDHS',
    validFrom: '2024-01-01',
    validUntil: '2030-12-31',
    rules: {
      ...repatriation(['vic_TypeOfLabourExploitation', 'vic_MethodsOfControl']),
      'alerts.delta': rule(
        ['document_security'],
        [
          'xch_Added.xch_AlertId',
          'xch_Added.xch_DocumentNumber',
          'xch_Added.xch_IssuingState',
          'xch_Added.xch_DocumentStatus',
          'xch_Withdrawn.xch_AlertId',
        ],
      ),
      // Person alerts travel under the Thai agreement only (the Viet Nam one does not name them: refused there).
      'alerts.persons_delta': rule(
        ['trafficking_prevention'],
        [
          'xch_AddedPersons.xch_AlertId',
          'xch_AddedPersons.prs_FirstName',
          'xch_AddedPersons.prs_SecondName',
          'xch_AddedPersons.prs_Birthdate',
          'xch_AddedPersons.prs_Gender',
          'xch_AddedPersons.prs_Nationality',
          'xch_AddedPersons.xch_AlertCategory',
          'xch_WithdrawnPersons.xch_AlertId',
        ],
      ),
    },
    demo: true,
  },
  {
    code: 'KH-VN-AGR-2005',
    title: 'Cambodia–Viet Nam agreement on eliminating trafficking and assisting victims (demo)',
    legal: {
      title:
        'Agreement on Bilateral Cooperation for Eliminating Trafficking in Women and Children and Assisting Victims of Trafficking (amended 2012)',
      date: '2005-10-10',
      article: 'SOP on identification and repatriation',
    },
    partner: 'VN-MOLISA',
    validFrom: '2024-01-01',
    validUntil: '2030-12-31',
    rules: repatriation([]),
    demo: true,
  },
]

/** A demo partner's public keys; its private signing key is returned for the seed's demo messages, then dropped. */
export async function demoPartnerKeys(trx: Tx, partner: string): Promise<SigningKey> {
  const keys = []
  let signing: SigningKey | undefined
  for (const use of ['sig', 'enc'] as const) {
    const pair =
      use === 'sig'
        ? await generateKeyPair(SIG_ALG, { extractable: true })
        : await generateKeyPair(KEY_ALG, { crv: 'X25519', extractable: true })
    const jwk = await exportJWK(pair.publicKey)
    const kid = await calculateJwkThumbprint(jwk)
    if (use === 'sig') signing = { kid, key: pair.privateKey }
    keys.push({
      kid,
      use,
      jwk: jwk as Record<string, unknown>,
      retired: false,
      revoked: false,
    })
  }
  await importKeySet(trx, partner, keys)
  return signing!
}

export async function seedExchange(trx: Tx): Promise<void> {
  const any = await trx.selectFrom('exchange_authorities').select('code').limit(1).executeTakeFirst()
  if (any) return
  await trx
    .insertInto('exchange_authorities')
    .values([
      {
        code: 'KH-NCCT',
        country: 'KH',
        name_en: 'National Committee for Counter Trafficking (Cambodia)',
        name_km: 'គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស',
        endpoint: null,
        contacts: JSON.stringify([
          { name: 'Exchange desk', role: 'secretariat', email: 'exchange@ncct.example', phone: null },
        ]),
        is_self: true,
        agency_code: 'NCCT',
        demo: true,
      },
      {
        code: 'TH-MSDHS',
        country: 'TH',
        name_en: 'Ministry of Social Development and Human Security (Thailand)',
        name_km: 'ក្រសួងអភិវឌ្ឍន៍សង្គម និងសន្តិសុខមនុស្ស (ថៃ)',
        endpoint: null,
        contacts: JSON.stringify([
          {
            name: 'Anti-trafficking division',
            role: 'focal point',
            email: 'focal@msdhs.example',
            phone: null,
          },
        ]),
        agency_code: null,
        demo: true,
      },
      {
        code: 'VN-MOLISA',
        country: 'VN',
        name_en: 'Ministry of Labour, Invalids and Social Affairs (Viet Nam)',
        name_km: 'ក្រសួងការងារ ជនពិការ និងកិច្ចការសង្គម (វៀតណាម)',
        endpoint: null,
        contacts: JSON.stringify([
          {
            name: 'Social protection department',
            role: 'focal point',
            email: 'focal@molisa.example',
            phone: null,
          },
        ]),
        agency_code: null,
        demo: true,
      },
    ])
    .execute()
  const thailand = await demoPartnerKeys(trx, 'TH-MSDHS')
  await demoPartnerKeys(trx, 'VN-MOLISA')
  for (const agreement of DEMO_AGREEMENTS) await saveAgreement({ trx, actor: null, agreement })
  await demoArrivals(trx)
  await seedDemoHandover(trx, 'TH-MSDHS', 'KH-TH-MOU-2003', thailand)
}

/** Three people on a Thai return list expected at Poipet on the day the demo starts (no message behind them). */
async function demoArrivals(trx: Tx) {
  const day = todayInCambodia()
  const people: [string, string, string][] = [
    ['Sokunthea', 'Mao', 'F'],
    ['Vuthy', 'Prak', 'M'],
    ['Sreyleak', 'Heng', 'F'],
  ]
  const listId = randomUUID()
  await trx
    .insertInto('exchange_arrivals')
    .values(
      people.map(([given, family, sex], i) => ({
        id: randomUUID(),
        message_id: listId,
        partner_code: 'TH-MSDHS',
        row_key: `list:DEMO-${day}:${i + 1}`,
        thread_ref: null,
        post_code: 'LAND-POIPET',
        border_point: 'LAND-POIPET',
        expected_on: day,
        given_latin: given,
        family_latin: family,
        sex,
        birth_date: null,
        nationality: 'KH',
      })),
    )
    .execute()
}
