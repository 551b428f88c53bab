/**
 * Document examination at the counter: what an officer checks on a document, as data. The generic template
 * follows the security features of ICAO Doc 9303 Part 2 and the data-page rules of Part 3; the templates for
 * documents common at Cambodian posts add issuer-specific checks whose details must come from the document
 * expert (PRADO-style reference material), so they are marked `toBeConfirmed` instead of being guessed here.
 * Administrators manage templates in the database; this module is their seed and the stable ids' home.
 */

/** The officer's overall conclusion; `impostor` is a genuine document presented by someone else. */
export const EXAMINATION_FINDINGS = [
  'genuine',
  'suspected',
  'forged_or_altered',
  'impostor',
  'not_examined',
] as const
export type ExaminationFinding = (typeof EXAMINATION_FINDINGS)[number]

/** The result recorded for each check. */
export const CHECK_RESULTS = ['consistent', 'anomaly', 'not_checked', 'not_applicable'] as const
export type CheckResult = (typeof CHECK_RESULTS)[number]

/** How the check is made (the FEEL / LOOK / TILT vocabulary of document examiners, plus the lamps). */
export type CheckMethod = 'compare' | 'look' | 'feel' | 'tilt' | 'magnify' | 'uv_light' | 'transmitted_light'

export type CheckCategory =
  | 'data_page'
  | 'portrait'
  | 'substrate'
  | 'printing'
  | 'optical'
  | 'booklet'
  | 'holder'

export interface LocalisedText {
  en: string
  km: string
}

export interface ExaminationCheck {
  /** Stable: results are stored against it. */
  id: string
  category: CheckCategory
  method: CheckMethod
  name: LocalisedText
  /** The detail belongs to the issuer and must be confirmed by the document expert before it is relied on. */
  toBeConfirmed: boolean
}

export interface ExaminationTemplate {
  id: string
  /** ISO 3166-1 alpha-3 of the issuer, null for the generic template. */
  issuingState: string | null
  /** MRZ document code (`P` for passports), null when any. */
  documentCode: string | null
  /** Series or edition; null until the document expert names them. */
  series: string | null
  name: LocalisedText
  /** Every check, generic ones first; nothing to merge for the caller. */
  checks: readonly ExaminationCheck[]
}

export const TO_BE_CONFIRMED: LocalisedText = {
  en: 'To be confirmed by the document expert',
  km: 'ត្រូវបញ្ជាក់ដោយអ្នកជំនាញឯកសារ',
}

const check = (
  id: string,
  category: CheckCategory,
  method: CheckMethod,
  en: string,
  km: string,
): ExaminationCheck => ({ id, category, method, name: { en, km }, toBeConfirmed: false })

export const GENERIC_CHECKS: readonly ExaminationCheck[] = [
  check(
    'generic.mrz_matches_data_page',
    'data_page',
    'compare',
    'MRZ agrees with the printed data page',
    'MRZ ត្រូវគ្នានឹងទិន្នន័យដែលបោះពុម្ពលើទំព័រព័ត៌មាន',
  ),
  check(
    'generic.mrz_print_quality',
    'data_page',
    'magnify',
    'MRZ printed in OCR-B, evenly spaced and aligned',
    'MRZ បោះពុម្ពជាពុម្ពអក្សរ OCR-B មានគម្លាត និងតម្រឹមស្មើគ្នា',
  ),
  check(
    'generic.data_not_altered',
    'data_page',
    'transmitted_light',
    'No erasure or alteration of the personal data',
    'គ្មានការលុប ឬកែប្រែទិន្នន័យផ្ទាល់ខ្លួន',
  ),
  check(
    'generic.photo_not_substituted',
    'portrait',
    'tilt',
    'No signs of photo substitution (cuts, glue, raised edges, broken features over the portrait)',
    'គ្មានសញ្ញានៃការប្ដូររូបថត (ស្នាមកាត់ កាវ គែមលើក ឬលក្ខណៈសុវត្ថិភាពដាច់លើរូបថត)',
  ),
  check(
    'generic.photo_integrated',
    'portrait',
    'look',
    'Portrait printed or engraved into the page, with security features overlapping it',
    'រូបថតត្រូវបានបោះពុម្ព ឬឆ្លាក់ចូលក្នុងទំព័រ ហើយមានលក្ខណៈសុវត្ថិភាពគ្របលើ',
  ),
  check(
    'generic.laminate_intact',
    'data_page',
    'tilt',
    'Laminate or overlay intact: no bubbles, lifting, cuts or resealing',
    'ស្រទាប់ការពារនៅដដែល៖ គ្មានពពុះ ការរបើក ស្នាមកាត់ ឬការបិទឡើងវិញ',
  ),
  check(
    'generic.substrate_uv_dull',
    'substrate',
    'uv_light',
    'Paper stays dull under UV light (no optical brighteners)',
    'ក្រដាសមិនភ្លឺក្រោមពន្លឺអ៊ុលត្រាវីយូឡេ (UV)',
  ),
  check(
    'generic.uv_features',
    'substrate',
    'uv_light',
    'UV-fluorescent fibres, inks and images present and correct',
    'សរសៃ ទឹកខ្មៅ និងរូបភាពភ្លឺក្រោមពន្លឺ UV មាន និងត្រឹមត្រូវ',
  ),
  check(
    'generic.watermark',
    'substrate',
    'transmitted_light',
    'Watermark visible in transmitted light',
    'ស្នាមទឹកមើលឃើញនៅពេលឆ្លុះនឹងពន្លឺ',
  ),
  check(
    'generic.security_background',
    'printing',
    'magnify',
    'Security background printing: guilloches, rainbow printing, microprint',
    'ផ្ទៃខាងក្រោយសុវត្ថិភាព៖ លំនាំខ្សែ ការបោះពុម្ពពណ៌ប្រែប្រួល និងអក្សរតូចៗ',
  ),
  check(
    'generic.intaglio',
    'printing',
    'feel',
    'Raised intaglio print can be felt',
    'អាចស្ទាបដឹងការបោះពុម្ពផុស (intaglio)',
  ),
  check(
    'generic.optically_variable',
    'optical',
    'tilt',
    'Optically variable device (hologram, colour-shifting ink) changes when tilted',
    'ធាតុប្រែប្រួលតាមមុំមើល (ហូឡូក្រាម ទឹកខ្មៅប្ដូរពណ៌) ផ្លាស់ប្ដូរនៅពេលផ្អៀង',
  ),
  check(
    'generic.laser_perforation',
    'booklet',
    'transmitted_light',
    'Laser perforation clean and matching the document number',
    'ការចោះរន្ធដោយឡាស៊ែរស្អាត និងត្រូវនឹងលេខឯកសារ',
  ),
  check(
    'generic.page_numbering',
    'booklet',
    'look',
    'All pages present and numbered in sequence',
    'ទំព័រគ្រប់ចំនួន និងមានលេខរៀងតាមលំដាប់',
  ),
  check(
    'generic.stitching',
    'booklet',
    'look',
    'Binding stitches intact, never re-sewn',
    'ខ្សែដេរសៀវភៅនៅដដែល មិនត្រូវបានដេរឡើងវិញ',
  ),
  check(
    'generic.visa_pages_stamps',
    'booklet',
    'look',
    'Visas and stamps consistent, no page removed',
    'ទិដ្ឋាការ និងត្រាស្របគ្នា គ្មានទំព័រត្រូវបានដកចេញ',
  ),
  check(
    'generic.chip_symbol',
    'booklet',
    'look',
    'Electronic passport symbol matches the presence of a chip',
    'និមិត្តសញ្ញាលិខិតឆ្លងដែនអេឡិចត្រូនិកត្រូវនឹងវត្តមានបន្ទះឈីប',
  ),
  check(
    'generic.holder_resemblance',
    'holder',
    'compare',
    'Holder resembles the portrait (impostor check)',
    'អ្នកកាន់ឯកសារដូចរូបថត (ពិនិត្យការប្រើឯកសារអ្នកដទៃ)',
  ),
  check(
    'generic.signature',
    'holder',
    'compare',
    "Holder's signature consistent with the document",
    'ហត្ថលេខារបស់អ្នកកាន់ស្របនឹងឯកសារ',
  ),
]

/** Issuer-specific points every passport template lists until the document expert fills them in. */
function issuerChecks(prefix: string, issuer: LocalisedText): ExaminationCheck[] {
  const specific = (id: string, category: CheckCategory, method: CheckMethod, en: string, km: string) => ({
    ...check(`${prefix}.${id}`, category, method, `${en} (${issuer.en})`, `${km} (${issuer.km})`),
    toBeConfirmed: true,
  })
  return [
    specific(
      'series_in_circulation',
      'booklet',
      'look',
      'Series and editions in circulation',
      'ស៊េរី និងជំនាន់ដែលកំពុងប្រើប្រាស់',
    ),
    specific(
      'data_page_layout',
      'data_page',
      'compare',
      'Data page layout, languages and fonts',
      'ប្លង់ទំព័រព័ត៌មាន ភាសា និងពុម្ពអក្សរ',
    ),
    specific(
      'uv_image',
      'substrate',
      'uv_light',
      'Issuer UV image on the data page and visa pages',
      'រូបភាព UV របស់អ្នកចេញ លើទំព័រព័ត៌មាន និងទំព័រទិដ្ឋាការ',
    ),
    specific(
      'ovd_design',
      'optical',
      'tilt',
      'Design and position of the optically variable device',
      'ការរចនា និងទីតាំងនៃធាតុប្រែប្រួលតាមមុំមើល',
    ),
    specific(
      'perforation_form',
      'booklet',
      'transmitted_light',
      'Form of the laser perforation (number or image)',
      'ទម្រង់នៃការចោះរន្ធដោយឡាស៊ែរ (លេខ ឬរូបភាព)',
    ),
    specific(
      'chip_location',
      'booklet',
      'look',
      'Chip location (cover or data page)',
      'ទីតាំងបន្ទះឈីប (គម្រប ឬទំព័រព័ត៌មាន)',
    ),
    specific(
      'mrz_optional_data',
      'data_page',
      'compare',
      'Use of the MRZ personal number field',
      'ការប្រើប្រាស់វាលលេខផ្ទាល់ខ្លួនក្នុង MRZ',
    ),
  ]
}

function passportTemplate(state: string, issuer: LocalisedText): ExaminationTemplate {
  return {
    id: `${state}-P`,
    issuingState: state,
    documentCode: 'P',
    series: null,
    name: { en: `${issuer.en} passport`, km: `លិខិតឆ្លងដែន${issuer.km}` },
    checks: [...GENERIC_CHECKS, ...issuerChecks(`${state}-P`, issuer)],
  }
}

export const GENERIC_TEMPLATE: ExaminationTemplate = {
  id: 'generic',
  issuingState: null,
  documentCode: null,
  series: null,
  name: { en: 'Any machine-readable travel document', km: 'ឯកសារធ្វើដំណើរដែលម៉ាស៊ីនអានបានគ្រប់ប្រភេទ' },
  checks: GENERIC_CHECKS,
}

export const EXAMINATION_TEMPLATES: readonly ExaminationTemplate[] = [
  GENERIC_TEMPLATE,
  passportTemplate('KHM', { en: 'Cambodian', km: 'កម្ពុជា' }),
  passportTemplate('THA', { en: 'Thai', km: 'ថៃ' }),
  passportTemplate('VNM', { en: 'Vietnamese', km: 'វៀតណាម' }),
  passportTemplate('LAO', { en: 'Lao', km: 'ឡាវ' }),
  passportTemplate('CHN', { en: 'Chinese', km: 'ចិន' }),
]

/** The most specific template for a document: issuer and code, else the generic one. */
export function templateFor(issuingState: string | null, documentCode: string | null): ExaminationTemplate {
  const code = documentCode?.[0] ?? null
  return (
    EXAMINATION_TEMPLATES.find((t) => t.issuingState === issuingState && t.documentCode === code) ??
    GENERIC_TEMPLATE
  )
}
