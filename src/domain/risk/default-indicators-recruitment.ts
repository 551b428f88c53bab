import type { Indicator } from './rule-language.ts'
import { cite, SOURCES as S } from './sources.ts'

/** Default indicators about how the traveller was recruited and why they say they travel. */
export const RECRUITMENT_INDICATORS: Indicator[] = [
  {
    id: 'young_first_trip_scam_destination',
    category: 'scam_centre_recruitment',
    weight: 20,
    action: 'advise',
    condition: {
      all: [
        { field: 'traveller.ageYears', op: 'between', min: 18, max: 35 },
        { field: 'traveller.firstInternationalTrip', op: 'eq', value: true },
        { field: 'travel.destinationArea', op: 'inList', list: 'scamCompoundAreas' },
      ],
    },
    reasonParams: { age: 'traveller.ageYears', destination: 'travel.destinationArea' },
    text: {
      en: {
        name: 'Young adult, first trip abroad, towards a scam-compound area',
        description:
          'A traveller aged 18 to 35 on a first international trip whose declared destination is an area where online scam compounds have been reported. Scam networks target young, often educated people with no experience of travel abroad.',
        reason:
          'Aged {age}, first international trip, going to {destination}, an area with reported scam compounds.',
      },
      km: {
        name: 'យុវជនធ្វើដំណើរទៅក្រៅប្រទេសលើកដំបូង ទៅកាន់តំបន់មានទីតាំងបោកប្រាស់',
        description:
          'អ្នកដំណើរអាយុពី ១៨ ដល់ ៣៥ ឆ្នាំ ដែលធ្វើដំណើរទៅក្រៅប្រទេសជាលើកដំបូង ហើយទិសដៅដែលបានប្រកាស ជាតំបន់ដែលមានរបាយការណ៍អំពីទីតាំងបោកប្រាស់តាមអនឡាញ។ បណ្តាញបោកប្រាស់តែងផ្តោតលើយុវជន ដែលច្រើនមានការសិក្សា តែគ្មានបទពិសោធន៍ធ្វើដំណើរទៅក្រៅប្រទេស។',
        reason:
          'អាយុ {age} ឆ្នាំ ធ្វើដំណើរទៅក្រៅប្រទេសជាលើកដំបូង ទៅកាន់ {destination} ដែលជាតំបន់មានរបាយការណ៍អំពីទីតាំងបោកប្រាស់។',
      },
    },
    evidence: [
      cite(
        S.ohchrScams,
        'Documents people trafficked into online scam operations in Southeast Asia, with around 100,000 in Cambodia, increasingly young and educated, recruited by false job offers.',
      ),
      cite(
        S.unodcScamCentres,
        'Locates industrial-scale scam compounds in special economic zones and border areas of Cambodia, Lao PDR and Myanmar; the basis of the destination list.',
      ),
      cite(
        S.interpolOrangeNotice,
        'Warns that victims lured by fake job offers are increasingly young, qualified and tech-savvy. The age band and first-trip condition are an adaptation to the border, not a listed indicator.',
      ),
    ],
    questions: ['stated_purpose', 'job_offer_channel', 'knows_employer'],
  },
  {
    id: 'job_offer_via_social_media',
    category: 'scam_centre_recruitment',
    weight: 25,
    action: 'secondary_interview',
    condition: {
      any: [
        { field: 'travel.jobOfferChannel', op: 'in', values: ['social_media', 'messaging_app'] },
        { field: 'interview.jobOfferChannel', op: 'in', values: ['social_media', 'messaging_app'] },
      ],
    },
    text: {
      en: {
        name: 'Job offer received through social media or a messaging app',
        description:
          'The traveller says a job is waiting and the offer came through social media or a messaging app rather than a licensed agency or a known employer. Fake job advertisements on social networks are the main lure into scam compounds.',
        reason: 'Job offer received through social media or a messaging app, not through a licensed agency.',
      },
      km: {
        name: 'ទទួលការផ្តល់ការងារតាមបណ្តាញសង្គម ឬកម្មវិធីផ្ញើសារ',
        description:
          'អ្នកដំណើរនិយាយថា មានការងាររង់ចាំ ហើយការផ្តល់ការងារនោះបានមកតាមបណ្តាញសង្គម ឬកម្មវិធីផ្ញើសារ មិនមែនតាមទីភ្នាក់ងារដែលមានអាជ្ញាប័ណ្ណ ឬនិយោជកដែលគេស្គាល់នោះទេ។ ការផ្សាយការងារក្លែងក្លាយលើបណ្តាញសង្គម ជាល្បិចចម្បងក្នុងការបញ្ឆោតមនុស្សទៅកាន់ទីតាំងបោកប្រាស់។',
        reason: 'ទទួលការផ្តល់ការងារតាមបណ្តាញសង្គម ឬកម្មវិធីផ្ញើសារ មិនមែនតាមទីភ្នាក់ងារដែលមានអាជ្ញាប័ណ្ណទេ។',
      },
    },
    evidence: [
      cite(
        S.interpolOrangeNotice,
        'Criminal groups lure victims on social networks and recruitment sites with false promises of lucrative jobs.',
      ),
      cite(
        S.ohchrScams,
        'Victims are recruited through false job advertisements, often on social media and messaging apps.',
      ),
      cite(
        S.iloOperational,
        'Deceptive recruitment: deceived about the nature of the job, the location or the employer.',
      ),
    ],
    questions: ['job_offer_channel', 'knows_employer', 'recruitment_fee', 'documents_held_by_other'],
  },
  {
    id: 'recruitment_fee_or_debt',
    category: 'trafficking',
    weight: 30,
    action: 'secondary_interview',
    condition: {
      any: [
        { field: 'interview.paidRecruitmentFee', op: 'eq', value: true },
        { field: 'interview.owesDebt', op: 'eq', value: true },
        { field: 'interview.journeyPaidByOther', op: 'eq', value: true },
      ],
    },
    text: {
      en: {
        name: 'Recruitment fees or debt',
        description:
          'The traveller paid a fee to get the job or the journey, owes money for it, or someone else paid the journey to be repaid by work. Debt tied to recruitment is a means of control listed by the ILO and UNODC.',
        reason: 'Paid a recruitment fee, owes a debt, or had the journey paid by someone else, to be repaid.',
      },
      km: {
        name: 'ថ្លៃសេវាជ្រើសរើសការងារ ឬបំណុល',
        description:
          'អ្នកដំណើរបានបង់ថ្លៃដើម្បីទទួលបានការងារ ឬការធ្វើដំណើរ ជំពាក់ប្រាក់សម្រាប់រឿងនេះ ឬមានអ្នកផ្សេងបង់ថ្លៃធ្វើដំណើរឱ្យ ហើយត្រូវសងវិញដោយការងារ។ បំណុលដែលជាប់នឹងការជ្រើសរើសការងារ ជាមធ្យោបាយគ្រប់គ្រងមនុស្ស ដែល ILO និង UNODC បានរាយក្នុងបញ្ជីសូចនាករ។',
        reason: 'បានបង់ថ្លៃសេវាជ្រើសរើស ជំពាក់បំណុល ឬមានអ្នកផ្សេងបង់ថ្លៃធ្វើដំណើរឱ្យ ដែលត្រូវសងវិញ។',
      },
    },
    evidence: [
      cite(
        S.iloOperational,
        'Lists debt bondage among the indicators of coercive recruitment, and deception about recruitment conditions among those of deceptive recruitment.',
      ),
      cite(
        S.unodcIndicators,
        'Lists being in debt, and transport fees paid by facilitators to be repaid by work at destination.',
      ),
      cite(
        S.unodcRecruitmentFees,
        'Shows how recruitment fees and debt create vulnerability to trafficking.',
      ),
    ],
    questions: ['recruitment_fee', 'debt', 'journey_paid_by_other', 'documents_held_by_other'],
  },
  {
    id: 'inconsistent_travel_purpose',
    category: 'trafficking',
    weight: 20,
    action: 'secondary_interview',
    condition: {
      any: [
        { field: 'interview.statedPurpose', op: 'ne', ref: 'travel.purpose' },
        {
          all: [
            { field: 'travel.purpose', op: 'in', values: ['tourism', 'family', 'study'] },
            {
              field: 'travel.jobOfferChannel',
              op: 'in',
              values: ['social_media', 'messaging_app', 'agency', 'employer', 'family_friend', 'other'],
            },
          ],
        },
      ],
    },
    text: {
      en: {
        name: 'Inconsistent travel purpose',
        description:
          'The purpose the traveller gives in their own words differs from the declared purpose, or a declared tourist, family or study trip comes with a job offer. Deception about the purpose of the journey is a sign of deceptive recruitment.',
        reason: 'The declared purpose does not match what the traveller says, or the job offer they hold.',
      },
      km: {
        name: 'គោលបំណងធ្វើដំណើរមិនស៊ីសង្វាក់គ្នា',
        description:
          'គោលបំណងដែលអ្នកដំណើរប្រាប់ដោយពាក្យសម្តីផ្ទាល់ខ្លួន ខុសពីគោលបំណងដែលបានប្រកាស ឬការធ្វើដំណើរដែលប្រកាសថាជាទេសចរណ៍ ការជួបក្រុមគ្រួសារ ឬការសិក្សា មានភ្ជាប់ជាមួយការផ្តល់ការងារ។ ការបោកបញ្ឆោតអំពីគោលបំណងនៃការធ្វើដំណើរ ជាសញ្ញានៃការជ្រើសរើសដោយបោកបញ្ឆោត។',
        reason: 'គោលបំណងដែលបានប្រកាស មិនត្រូវនឹងអ្វីដែលអ្នកដំណើរនិយាយ ឬការផ្តល់ការងារដែលគាត់មាន។',
      },
    },
    evidence: [
      cite(
        S.schengenBordersCode,
        'Thorough border checks verify the purpose of stay against the traveller’s statements and supporting documents.',
      ),
      cite(
        S.iloOperational,
        'Deceptive recruitment: deception about the nature of the job, the location or the employer, which shows at the border as a purpose that does not hold together.',
      ),
      cite(S.unodcIndicators, 'Lists having acted on the basis of false promises.'),
    ],
    questions: ['stated_purpose', 'job_offer_channel', 'knows_employer'],
  },
  {
    id: 'shared_sponsor_recruiter_phone',
    category: 'trafficking',
    weight: 30,
    action: 'notify_police',
    condition: {
      any: [
        {
          all: [
            { field: 'network.sameRecruiterTravellers7d', op: 'gte', value: 5 },
            {
              any: [
                { field: 'travel.recruiterLicensed', op: 'eq', value: false },
                { field: 'travel.recruiterLicensed', op: 'unknown' },
              ],
            },
          ],
        },
        { field: 'network.samePhoneTravellers7d', op: 'gte', value: 5 },
        {
          all: [
            { field: 'network.sameSponsorTravellers7d', op: 'gte', value: 5 },
            { field: 'travel.purpose', op: 'in', values: ['family', 'study', 'other'] },
          ],
        },
      ],
    },
    reasonParams: {
      sponsor: 'network.sameSponsorTravellers7d',
      recruiter: 'network.sameRecruiterTravellers7d',
      phone: 'network.samePhoneTravellers7d',
    },
    text: {
      en: {
        name: 'Several travellers with the same sponsor, recruiter or phone',
        description:
          'In the last 7 days, five or more travellers gave the same unlicensed recruiter, the same contact phone, or the same sponsor for a family or study visit. Organised recruitment moves people in groups through the same intermediaries.',
        reason:
          'Travellers in the last 7 days with the same sponsor: {sponsor}; same recruiter: {recruiter}; same phone: {phone}.',
      },
      km: {
        name: 'អ្នកដំណើរច្រើននាក់មានអ្នកឧបត្ថម្ភ អ្នកជ្រើសរើស ឬលេខទូរស័ព្ទដូចគ្នា',
        description:
          'ក្នុងរយៈពេល ៧ ថ្ងៃចុងក្រោយ អ្នកដំណើរចាប់ពី ៥ នាក់ឡើងទៅ បានផ្តល់ឈ្មោះអ្នកជ្រើសរើសដែលគ្មានអាជ្ញាប័ណ្ណដូចគ្នា លេខទូរស័ព្ទទំនាក់ទំនងដូចគ្នា ឬអ្នកឧបត្ថម្ភដូចគ្នាសម្រាប់ការជួបក្រុមគ្រួសារ ឬការសិក្សា។ ការជ្រើសរើសដែលមានការរៀបចំ តែងបញ្ជូនមនុស្សជាក្រុមតាមរយៈអន្តរការីដដែលៗ។',
        reason:
          'អ្នកដំណើរក្នុង ៧ ថ្ងៃចុងក្រោយ ដែលមានអ្នកឧបត្ថម្ភដូចគ្នា៖ {sponsor}; អ្នកជ្រើសរើសដូចគ្នា៖ {recruiter}; លេខទូរស័ព្ទដូចគ្នា៖ {phone}។',
      },
    },
    evidence: [
      cite(
        S.unodcRecruitmentFees,
        'Describes unlicensed and fraudulent recruitment agencies and intermediaries moving many workers through the same channels.',
      ),
      cite(
        S.unodcSmuggling,
        'Describes smuggling networks organising groups of migrants through shared facilitators.',
      ),
      cite(
        S.ohchrScams,
        'Notes growing reliance on recruitment intermediaries, which criminal groups exploit. The 5-in-7-days threshold is a starting point to tune with the impact check.',
      ),
    ],
    questions: ['journey_paid_by_other', 'recruitment_fee', 'knows_employer'],
  },
]
