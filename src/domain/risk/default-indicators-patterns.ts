import type { Indicator } from './rule-language.ts'
import { cite, SOURCES as S } from './sources.ts'

/** Default indicators read from the traveller's crossing history. */
export const PATTERN_INDICATORS: Indicator[] = [
  {
    id: 'short_stay_return_without_belongings',
    category: 'trafficking',
    weight: 30,
    action: 'protection_referral',
    condition: {
      all: [
        { field: 'history.lastStayDays', op: 'between', min: 2, max: 60 },
        { field: 'travel.carriesBelongings', op: 'eq', value: false },
        { field: 'document.type', op: 'ne', value: 'border_pass' },
      ],
    },
    reasonParams: { days: 'history.lastStayDays' },
    text: {
      en: {
        name: 'Return after a short stay without belongings',
        description:
          'The traveller ends a stay of 2 to 60 days and carries no luggage or belongings. People who escape or are released from scam compounds or exploitative work often come back this way; they may be victims in need of protection rather than offenders.',
        reason: 'Returning after {days} days away, without belongings.',
      },
      km: {
        name: 'ត្រឡប់មកវិញក្រោយការស្នាក់នៅរយៈពេលខ្លី ដោយគ្មានអីវ៉ាន់',
        description:
          'អ្នកដំណើរបញ្ចប់ការស្នាក់នៅពី ២ ដល់ ៦០ ថ្ងៃ ហើយគ្មានវ៉ាលី ឬអីវ៉ាន់ផ្ទាល់ខ្លួន។ អ្នកដែលរត់គេចខ្លួន ឬត្រូវបានដោះលែងពីទីតាំងបោកប្រាស់ ឬពីការងារកេងប្រវ័ញ្ច ច្រើនតែត្រឡប់មកវិញបែបនេះ ហើយពួកគេអាចជាជនរងគ្រោះដែលត្រូវការកិច្ចការពារ មិនមែនជាជនល្មើសទេ។',
        reason: 'ត្រឡប់មកវិញក្រោយនៅឆ្ងាយ {days} ថ្ងៃ ដោយគ្មានអីវ៉ាន់។',
      },
    },
    evidence: [
      cite(
        S.ohchrScams,
        'People leaving scam compounds are often misidentified as offenders or immigration violators instead of being screened as victims.',
      ),
      cite(
        S.iomVulnerableMigrants,
        'Screening returning migrants for vulnerability to violence, exploitation and abuse, and referral to assistance.',
      ),
      cite(
        S.ncctIdentification,
        'National identification of victims among returnees. The short stay and missing belongings are an adaptation to the border, not a listed indicator.',
      ),
    ],
    questions: ['free_to_leave_work', 'paid_as_promised', 'documents_held_by_other', 'debt'],
  },
  {
    id: 'repeated_crossing_pattern',
    category: 'smuggling',
    weight: 20,
    action: 'secondary_interview',
    condition: {
      any: [
        {
          all: [
            {
              count: 'history.recentCrossings',
              where: { field: 'daysAgo', op: 'lte', value: 30 },
              op: 'gte',
              value: 6,
            },
            { field: 'document.type', op: 'ne', value: 'border_pass' },
          ],
        },
        {
          all: [
            { field: 'traveller.ageYears', op: 'gte', value: 18 },
            { field: 'history.distinctCompanionsLast90Days', op: 'gte', value: 4 },
            { count: 'companions', op: 'gte', value: 1 },
          ],
        },
      ],
    },
    reasonParams: {
      crossings: 'history.recentCrossings',
      companions: 'history.distinctCompanionsLast90Days',
    },
    text: {
      en: {
        name: 'Repeated crossing pattern',
        description:
          'Six or more crossings in 30 days on a document other than a border pass, or an adult who has crossed with four or more different companions in 90 days and travels with someone again. Repeated escorting is a pattern of smugglers and of trafficking facilitators.',
        reason: '{crossings} crossings in the last 180 days; {companions} different companions in 90 days.',
      },
      km: {
        name: 'លំនាំឆ្លងកាត់ព្រំដែនដដែលៗ',
        description:
          'ការឆ្លងកាត់ព្រំដែនចាប់ពី ៦ ដងឡើងទៅក្នុងរយៈពេល ៣០ ថ្ងៃ ដោយប្រើឯកសារក្រៅពីប័ណ្ណឆ្លងដែន ឬមនុស្សពេញវ័យដែលធ្លាប់ឆ្លងកាត់ជាមួយអ្នករួមដំណើរខុសៗគ្នាចាប់ពី ៤ នាក់ឡើងទៅក្នុងរយៈពេល ៩០ ថ្ងៃ ហើយកំពុងធ្វើដំណើរជាមួយអ្នកណាម្នាក់ម្តងទៀត។ ការនាំមនុស្សឆ្លងកាត់ម្តងហើយម្តងទៀត ជាលំនាំរបស់អ្នករត់ពន្ធមនុស្ស និងអ្នកសម្របសម្រួលការជួញដូរមនុស្ស។',
        reason: 'ឆ្លងកាត់ {crossings} ដងក្នុង ១៨០ ថ្ងៃចុងក្រោយ។ អ្នករួមដំណើរខុសៗគ្នា {companions} នាក់ក្នុង ៩០ ថ្ងៃ។',
      },
    },
    evidence: [
      cite(
        S.unodcSmuggling,
        'Describes smugglers who escort migrants across land borders repeatedly along the same routes.',
      ),
      cite(
        S.unodcIndicators,
        'Child indicators include travelling in groups with persons who are not relatives. Counting distinct companions is an adaptation to crossing records.',
      ),
    ],
    questions: ['stated_purpose', 'journey_paid_by_other'],
  },
]
