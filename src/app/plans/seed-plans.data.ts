/**
 * The demo's plan: ILLUSTRATIVE. Its pillars follow the usual shape of Cambodia's NSP on trafficking (prevention,
 * protection, law enforcement, cooperation) but every title, activity, target and budget line here was written
 * for the demonstration; none is quoted from the official plan, and the plan is flagged `illustrative` so every
 * screen and report says so.
 */
export interface SeedIndicator {
  code: string
  nameEn: string
  nameKm: string
  definitionEn: string
  definitionKm: string
  unit: 'count' | 'percent' | 'days'
  direction: 'increase' | 'decrease'
  source: string
  disaggregation: string[]
  baseline: [number, number] | null
  targets: number[]
  verificationEn: string
  verificationKm: string
  gcm: number[]
  sdg: string[]
}

export interface SeedNode {
  kind: 'pillar' | 'objective' | 'output' | 'activity'
  code: string
  titleEn: string
  titleKm: string
  responsible?: string
  supporting?: string[]
  budget?: string
  children?: SeedNode[]
  indicators?: SeedIndicator[]
}

const RECORDS_EN = 'Computed by Passage from its records, under disclosure control.'
const RECORDS_KM = 'គណនាដោយ Passage ពីកំណត់ត្រារបស់ខ្លួន ក្រោមការគ្រប់គ្រងការបង្ហាញទិន្នន័យ។'

const chain = (
  p: [string, string, string],
  o: [string, string, string],
  out: [string, string, string],
  activities: SeedNode[],
): SeedNode => ({
  kind: 'pillar',
  code: p[0],
  titleEn: p[1],
  titleKm: p[2],
  children: [
    {
      kind: 'objective',
      code: o[0],
      titleEn: o[1],
      titleKm: o[2],
      children: [{ kind: 'output', code: out[0], titleEn: out[1], titleKm: out[2], children: activities }],
    },
  ],
})

export const ILLUSTRATIVE_PLAN = {
  code: 'NSP-TIP-2024-2028-ILLUSTRATIVE',
  titleEn:
    'Illustrative plan modelled on the NSP on Combating Trafficking in Persons 2024–2028 (demonstration only)',
  titleKm: 'ផែនការគំរូតាមលំនាំផែនការយុទ្ធសាស្ត្រជាតិប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស ២០២៤–២០២៨ (សម្រាប់ការបង្ហាញតែប៉ុណ្ណោះ)',
  startYear: 2024,
  endYear: 2028,
  nodes: [
    chain(
      ['P1', 'Prevention and safe migration', 'ការបង្ការ និងចំណាកស្រុកដោយសុវត្ថិភាព'],
      ['P1.O1', 'Borders detect trafficking and fraud', 'ព្រំដែនរកឃើញការជួញដូរ និងការក្លែងបន្លំ'],
      ['P1.O1.1', 'Border posts screen and examine documents', 'ច្រកព្រំដែនត្រួតពិនិត្យ និងពិនិត្យឯកសារ'],
      [
        {
          kind: 'activity',
          code: 'A1',
          titleEn: 'Screen travellers against alert lists at every post',
          titleKm: 'ត្រួតពិនិត្យអ្នកដំណើរជាមួយបញ្ជីប្រុងប្រយ័ត្ននៅគ្រប់ច្រក',
          responsible: 'GDI',
          supporting: ['NPC'],
          budget: 'National budget',
          indicators: [
            {
              code: 'I1',
              nameEn: 'Alert-list hits confirmed',
              nameKm: 'ការផ្គូផ្គងបញ្ជីប្រុងប្រយ័ត្នដែលបានបញ្ជាក់',
              definitionEn: 'Screening hits adjudicated as a true match, counted on the day raised.',
              definitionKm: 'ការផ្គូផ្គងដែលត្រូវបានសម្រេចថាត្រឹមត្រូវ រាប់តាមថ្ងៃដែលបានលើកឡើង។',
              unit: 'count',
              direction: 'increase',
              source: 'hits-confirmed',
              disaggregation: ['post', 'alertList'],
              baseline: null,
              targets: [20, 40, 60, 80, 100],
              verificationEn: RECORDS_EN,
              verificationKm: RECORDS_KM,
              gcm: [11],
              sdg: ['10.7'],
            },
          ],
        },
        {
          kind: 'activity',
          code: 'A2',
          titleEn: 'Train immigration officers in travel-document examination',
          titleKm: 'បណ្តុះបណ្តាលមន្ត្រីអន្តោប្រវេសន៍លើការពិនិត្យឯកសារធ្វើដំណើរ',
          responsible: 'GDI',
          supporting: ['IOM'],
          budget: 'Development partner project',
          indicators: [
            {
              code: 'I2',
              nameEn: 'Officers trained in document examination',
              nameKm: 'មន្ត្រីដែលបានបណ្តុះបណ្តាលលើការពិនិត្យឯកសារ',
              definitionEn: 'Officers who completed a document-examination course, by post, agency and sex.',
              definitionKm: 'មន្ត្រីដែលបានបញ្ចប់វគ្គពិនិត្យឯកសារ តាមច្រក ស្ថាប័ន និងភេទ។',
              unit: 'count',
              direction: 'increase',
              source: 'officers-trained',
              disaggregation: ['post', 'agency', 'sex'],
              baseline: null,
              targets: [30, 60, 60, 60, 60],
              verificationEn: 'Training records (attendance and certificates).',
              verificationKm: 'កំណត់ត្រាបណ្តុះបណ្តាល (វត្តមាន និងវិញ្ញាបនបត្រ)។',
              gcm: [11],
              sdg: ['16.2'],
            },
            {
              code: 'I3',
              nameEn: 'Document-examination findings',
              nameKm: 'លទ្ធផលពិនិត្យឯកសារ',
              definitionEn:
                'Examinations that found a document suspected, forged or altered, or an impostor.',
              definitionKm: 'ការពិនិត្យដែលរកឃើញឯកសារគួរឱ្យសង្ស័យ ក្លែងក្លាយ ឬកែប្រែ ឬអ្នកប្រើឯកសារអ្នកដទៃ។',
              unit: 'count',
              direction: 'increase',
              source: 'document-findings',
              disaggregation: ['post', 'finding'],
              baseline: null,
              targets: [10, 20, 30, 40, 50],
              verificationEn: RECORDS_EN,
              verificationKm: RECORDS_KM,
              gcm: [11],
              sdg: ['16.2'],
            },
          ],
        },
      ],
    ),
    chain(
      ['P2', 'Protection and reintegration', 'ការការពារ និងការធ្វើសមាហរណកម្ម'],
      ['P2.O1', 'Victims are identified and assisted quickly', 'ជនរងគ្រោះត្រូវបានកំណត់អត្តសញ្ញាណ និងជួយបានឆាប់'],
      ['P2.O1.1', 'Identification and referral work end to end', 'ការកំណត់អត្តសញ្ញាណ និងការបញ្ជូនបន្តដំណើរការពេញលេញ'],
      [
        {
          kind: 'activity',
          code: 'A3',
          titleEn: 'Identify victims at the border and refer them to services',
          titleKm: 'កំណត់អត្តសញ្ញាណជនរងគ្រោះនៅព្រំដែន និងបញ្ជូនទៅសេវា',
          responsible: 'MOSVY',
          supporting: ['GDI', 'NGO'],
          budget: 'National budget',
          indicators: [
            {
              code: 'I4',
              nameEn: 'Victims of trafficking identified',
              nameKm: 'ជនរងគ្រោះនៃការជួញដូរដែលបានកំណត់អត្តសញ្ញាណ',
              definitionEn: 'Persons first identified as presumed victims (SDG 16.2.2 numerator).',
              definitionKm: 'បុគ្គលដែលត្រូវបានកំណត់ជាលើកដំបូងថាជាជនរងគ្រោះសន្មត (ភាគយក SDG 16.2.2)។',
              unit: 'count',
              direction: 'increase',
              source: 'victims-identified',
              disaggregation: ['sex', 'ageBand', 'exploitationForm'],
              baseline: [2023, 0],
              targets: [50, 80, 100, 120, 140],
              verificationEn: RECORDS_EN,
              verificationKm: RECORDS_KM,
              gcm: [1],
              sdg: ['16.2', '8.7'],
            },
            {
              code: 'I5',
              nameEn: 'Referrals completed',
              nameKm: 'ការបញ្ជូនបន្តដែលបានបញ្ចប់',
              definitionEn: 'Referrals to protection services completed, counted on the day referred.',
              definitionKm: 'ការបញ្ជូនបន្តទៅសេវាការពារដែលបានបញ្ចប់ រាប់តាមថ្ងៃបញ្ជូន។',
              unit: 'count',
              direction: 'increase',
              source: 'referrals-completed',
              disaggregation: ['post', 'service'],
              baseline: null,
              targets: [40, 70, 90, 110, 130],
              verificationEn: RECORDS_EN,
              verificationKm: RECORDS_KM,
              gcm: [1],
              sdg: ['16.2'],
            },
            {
              code: 'I6',
              nameEn: 'Median days from identification to first assistance',
              nameKm: 'មធ្យមភាគថ្ងៃពីការកំណត់អត្តសញ្ញាណដល់ជំនួយដំបូង',
              definitionEn:
                'Median days between a first identification with a protection concern and the first assistance.',
              definitionKm: 'មធ្យមភាគថ្ងៃរវាងការកំណត់អត្តសញ្ញាណដំបូងដែលមានកង្វល់ការពារ និងជំនួយដំបូង។',
              unit: 'days',
              direction: 'decrease',
              source: 'median-days-to-assistance',
              disaggregation: [],
              baseline: null,
              targets: [10, 7, 5, 3, 2],
              verificationEn: RECORDS_EN,
              verificationKm: RECORDS_KM,
              gcm: [1],
              sdg: ['16.2'],
            },
          ],
        },
        {
          kind: 'activity',
          code: 'A4',
          titleEn: 'Receive and reintegrate returnees',
          titleKm: 'ទទួល និងធ្វើសមាហរណកម្មអ្នកវិលត្រឡប់',
          responsible: 'MOSVY',
          supporting: ['IOM', 'NGO'],
          budget: 'National budget and development partners',
          indicators: [
            {
              code: 'I7',
              nameEn: 'Returnees assisted on arrival',
              nameKm: 'អ្នកវិលត្រឡប់ដែលទទួលបានជំនួយពេលមកដល់',
              definitionEn: 'Returnees registered with at least one need answered at reception.',
              definitionKm: 'អ្នកវិលត្រឡប់ដែលបានចុះឈ្មោះ ជាមួយតម្រូវការយ៉ាងហោចណាស់មួយដែលបានឆ្លើយតប។',
              unit: 'count',
              direction: 'increase',
              source: 'returnees-assisted',
              disaggregation: ['sex', 'ageBand', 'provinceOfReturn'],
              baseline: null,
              targets: [500, 800, 800, 800, 800],
              verificationEn: RECORDS_EN,
              verificationKm: RECORDS_KM,
              gcm: [23],
              sdg: ['10.7'],
            },
            {
              code: 'I8',
              nameEn: 'Victims reintegrated with follow-up',
              nameKm: 'ជនរងគ្រោះដែលបានធ្វើសមាហរណកម្មជាមួយការតាមដាន',
              definitionEn:
                'Victims whose reintegration was followed up at least once, as reported by MoSVY.',
              definitionKm: 'ជនរងគ្រោះដែលការធ្វើសមាហរណកម្មត្រូវបានតាមដានយ៉ាងហោចណាស់ម្តង តាមរបាយការណ៍ក្រសួងសង្គមកិច្ច។',
              unit: 'count',
              direction: 'increase',
              source: 'reported',
              disaggregation: ['sex'],
              baseline: [2023, 20],
              targets: [30, 40, 50, 60, 70],
              verificationEn: 'Provincial follow-up registers, signed by the provincial department.',
              verificationKm: 'បញ្ជីតាមដានខេត្ត ដែលមានហត្ថលេខាមន្ទីរខេត្ត។',
              gcm: [23],
              sdg: ['8.7'],
            },
          ],
        },
      ],
    ),
    chain(
      ['P3', 'Law enforcement', 'ការអនុវត្តច្បាប់'],
      ['P3.O1', 'Trafficking is investigated', 'ការជួញដូរត្រូវបានស៊ើបអង្កេត'],
      ['P3.O1.1', 'Cases reach investigation', 'សំណុំរឿងឈានដល់ការស៊ើបអង្កេត'],
      [
        {
          kind: 'activity',
          code: 'A5',
          titleEn: 'Investigate trafficking cases referred from the border',
          titleKm: 'ស៊ើបអង្កេតសំណុំរឿងជួញដូរដែលបញ្ជូនមកពីព្រំដែន',
          responsible: 'NPC',
          supporting: ['GDI'],
          budget: 'National budget',
          indicators: [
            {
              code: 'I9',
              nameEn: 'Trafficking cases investigated',
              nameKm: 'សំណុំរឿងជួញដូរដែលបានស៊ើបអង្កេត',
              definitionEn: 'Cases opened for investigation by the police, as reported by the NPC.',
              definitionKm: 'សំណុំរឿងដែលបានបើកសម្រាប់ការស៊ើបអង្កេតដោយនគរបាល តាមរបាយការណ៍អគ្គស្នងការដ្ឋាននគរបាលជាតិ។',
              unit: 'count',
              direction: 'increase',
              source: 'reported',
              disaggregation: [],
              baseline: null,
              targets: [40, 50, 60, 70, 80],
              verificationEn: 'Police case register extract, signed.',
              verificationKm: 'ដកស្រង់បញ្ជីសំណុំរឿងនគរបាល ដែលមានហត្ថលេខា។',
              gcm: [11],
              sdg: ['16.2'],
            },
          ],
        },
      ],
    ),
    chain(
      ['P4', 'Cooperation and monitoring', 'កិច្ចសហប្រតិបត្តិការ និងការតាមដាន'],
      ['P4.O1', 'Countries of destination cooperate', 'ប្រទេសគោលដៅសហប្រតិបត្តិការ'],
      ['P4.O1.1', 'Cross-border case meetings held', 'កិច្ចប្រជុំសំណុំរឿងឆ្លងព្រំដែនត្រូវបានរៀបចំ'],
      [
        {
          kind: 'activity',
          code: 'A6',
          titleEn: 'Hold cross-border case coordination meetings',
          titleKm: 'រៀបចំកិច្ចប្រជុំសម្របសម្រួលសំណុំរឿងឆ្លងព្រំដែន',
          responsible: 'NCCT',
          supporting: ['MOSVY', 'NPC'],
          budget: 'Development partner project',
          indicators: [
            {
              code: 'I10',
              nameEn: 'Cross-border coordination meetings held',
              nameKm: 'កិច្ចប្រជុំសម្របសម្រួលឆ្លងព្រំដែនដែលបានរៀបចំ',
              definitionEn: 'Meetings with a counterpart country on specific cases, with minutes.',
              definitionKm: 'កិច្ចប្រជុំជាមួយប្រទេសដៃគូលើសំណុំរឿងជាក់លាក់ ដែលមានកំណត់ហេតុ។',
              unit: 'count',
              direction: 'increase',
              source: 'reported',
              disaggregation: [],
              baseline: null,
              targets: [4, 4, 6, 6, 8],
              verificationEn: 'Signed meeting minutes.',
              verificationKm: 'កំណត់ហេតុកិច្ចប្រជុំដែលមានហត្ថលេខា។',
              gcm: [23],
              sdg: ['10.7'],
            },
          ],
        },
      ],
    ),
  ] as SeedNode[],
}
