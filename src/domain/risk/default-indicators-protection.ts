import type { Indicator } from './rule-language.ts'
import { cite, SOURCES as S } from './sources.ts'

/** Default indicators about control over the traveller and about children. */
export const PROTECTION_INDICATORS: Indicator[] = [
  {
    id: 'documents_held_by_other',
    category: 'trafficking',
    weight: 40,
    action: 'secondary_interview',
    condition: {
      any: [
        { field: 'document.heldByTraveller', op: 'eq', value: false },
        {
          count: 'companions',
          where: { field: 'holdsTravellerDocuments', op: 'eq', value: true },
          op: 'gte',
          value: 1,
        },
        { field: 'interview.documentsHeldByOther', op: 'eq', value: true },
      ],
    },
    text: {
      en: {
        name: 'Documents held by someone else',
        description:
          'The traveller’s passport or papers were presented or kept by another person, or the traveller says someone else keeps them. Holding another person’s documents is a common means of control.',
        reason: 'The traveller’s documents are held by someone else.',
      },
      km: {
        name: 'ឯកសារត្រូវបានកាន់ទុកដោយអ្នកផ្សេង',
        description:
          'លិខិតឆ្លងដែន ឬឯកសាររបស់អ្នកដំណើរ ត្រូវបានបង្ហាញ ឬកាន់ទុកដោយអ្នកផ្សេង ឬអ្នកដំណើរនិយាយថា មានអ្នកផ្សេងកាន់ទុកឯកសាររបស់ខ្លួន។ ការកាន់ទុកឯកសាររបស់អ្នកដទៃ ជាមធ្យោបាយគ្រប់គ្រងមនុស្សដែលគេប្រើញឹកញាប់។',
        reason: 'ឯកសាររបស់អ្នកដំណើរ ត្រូវបានកាន់ទុកដោយអ្នកផ្សេង។',
      },
    },
    evidence: [
      cite(
        S.unodcIndicators,
        'Lists not being in possession of one’s passport or identity documents because someone else holds them.',
      ),
      cite(S.unodcSoutheastAsia, 'Lists having one’s passport or identity documents held by someone else.'),
      cite(S.iloOperational, 'Lists confiscation of documents among the indicators of coercion.'),
    ],
    questions: ['documents_held_by_other', 'travelling_freely', 'debt'],
  },
  {
    id: 'companion_answers_for_traveller',
    category: 'trafficking',
    weight: 30,
    action: 'secondary_interview',
    condition: {
      any: [
        {
          count: 'companions',
          where: {
            all: [
              { field: 'answersForTraveller', op: 'eq', value: true },
              { field: 'relationship', op: 'notIn', values: ['parent', 'legal_guardian'] },
            ],
          },
          op: 'gte',
          value: 1,
        },
        {
          all: [
            { field: 'traveller.ageYears', op: 'gte', value: 12 },
            {
              count: 'companions',
              where: { field: 'answersForTraveller', op: 'eq', value: true },
              op: 'gte',
              value: 1,
            },
          ],
        },
      ],
    },
    text: {
      en: {
        name: 'A companion answers for the traveller',
        description:
          'Another person answers questions put to the traveller. That is expected from a parent or guardian of a young child, not otherwise. Victims are often instructed, or not allowed to speak for themselves.',
        reason: 'A companion answered questions put to the traveller.',
      },
      km: {
        name: 'អ្នករួមដំណើរឆ្លើយជំនួសអ្នកដំណើរ',
        description:
          'មនុស្សម្នាក់ទៀតឆ្លើយសំណួរដែលសួរទៅអ្នកដំណើរ។ រឿងនេះជារឿងធម្មតាសម្រាប់ឪពុកម្តាយ ឬអាណាព្យាបាលរបស់កុមារតូច តែមិនមែនសម្រាប់ករណីផ្សេងទៀតទេ។ ជនរងគ្រោះច្រើនតែត្រូវបានគេប្រាប់ឱ្យនិយាយតាម ឬមិនត្រូវបានអនុញ្ញាតឱ្យនិយាយដោយខ្លួនឯង។',
        reason: 'អ្នករួមដំណើរបានឆ្លើយសំណួរ ដែលសួរទៅអ្នកដំណើរ។',
      },
    },
    evidence: [
      cite(
        S.unodcIndicators,
        'Lists allowing others to speak for them when addressed directly, and acting as if instructed by someone else.',
      ),
      cite(S.unodcSoutheastAsia, 'Lists seeming incapable of, or reluctant to, speak for oneself.'),
    ],
    questions: ['travelling_freely', 'documents_held_by_other', 'stated_purpose'],
  },
  {
    id: 'minor_without_guardian',
    category: 'child_protection',
    weight: 50,
    action: 'protection_referral',
    condition: {
      all: [
        { field: 'traveller.ageYears', op: 'lt', value: 18 },
        {
          count: 'companions',
          where: { field: 'relationship', op: 'in', values: ['parent', 'legal_guardian'] },
          op: 'eq',
          value: 0,
        },
        {
          any: [
            { field: 'travel.guardianConsentLetter', op: 'eq', value: false },
            { field: 'travel.guardianConsentLetter', op: 'unknown' },
          ],
        },
      ],
    },
    reasonParams: { age: 'traveller.ageYears' },
    text: {
      en: {
        name: 'Minor without parent or guardian',
        description:
          'A traveller under 18 with no parent or legal guardian among the companions and no written consent from one. Unaccompanied children, and children travelling with adults who are not relatives, need a child-protection check.',
        reason: 'Aged {age}, travelling without a parent or guardian and without a consent letter.',
      },
      km: {
        name: 'អនីតិជនគ្មានឪពុកម្តាយ ឬអាណាព្យាបាល',
        description:
          'អ្នកដំណើរអាយុក្រោម ១៨ ឆ្នាំ ដែលគ្មានឪពុកម្តាយ ឬអាណាព្យាបាលស្របច្បាប់ធ្វើដំណើរជាមួយ ហើយគ្មានលិខិតយល់ព្រមពីពួកគេ។ កុមារដែលធ្វើដំណើរតែម្នាក់ឯង ឬធ្វើដំណើរជាមួយមនុស្សពេញវ័យដែលមិនមែនជាសាច់ញាតិ ត្រូវការការត្រួតពិនិត្យកិច្ចការពារកុមារ។',
        reason: 'អាយុ {age} ឆ្នាំ ធ្វើដំណើរដោយគ្មានឪពុកម្តាយ ឬអាណាព្យាបាល និងគ្មានលិខិតយល់ព្រម។',
      },
    },
    evidence: [
      cite(
        S.unodcIndicators,
        'Child indicators: no access to parents or guardians, travelling unaccompanied by adults, travelling in groups with persons who are not relatives.',
      ),
      cite(
        S.unicefChildVictims,
        'Unaccompanied children are to be identified early and referred to child-protection services.',
      ),
      cite(
        S.ncctIdentification,
        'The national procedure for identifying victims and referring them to services, led by MoSVY.',
      ),
    ],
    questions: ['travelling_freely', 'stated_purpose'],
  },
]
