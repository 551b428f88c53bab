import type { DimensionId } from '../../domain/statistics/dimensions.ts'

/**
 * Where each measure is counted, as SQL fragments for `statistics.repository.ts`. Crossings come from the
 * trigger-kept rollups of migration 0009, read through 0017's `_now` views (the cuboid plus the queued deltas);
 * everything else is small enough to group live. Fragments are fixed
 * text written here, never built from a request: request values are always bound parameters.
 */
export interface Source {
  /** FROM clause with its joins. */
  from: string
  /** The counted row's day in Cambodia as `YYYY-MM-DD` text. */
  day: string
  /** What a row counts for: 1, or a rollup's count. */
  weight: string
  /**
   * The sum of the record keys a row stands for (cell-key perturbation, migration 0014): a rollup's
   * `key_sum`, or the key of the one record a live row is.
   */
  key: string
  /** A condition every counted row meets. */
  where?: string
  /** Single-valued dimensions: an expression per dimension ('' or NULL read as unknown). */
  dims: Partial<Record<DimensionId, string>>
  /** Multi-valued dimensions: an expression giving a text[]. */
  multi?: Partial<Record<DimensionId, string>>
  /** Completed years on the day; NULL or negative when unknown. */
  age?: string
  /** `month` rollups hold whole months only: usable for month, quarter and year over whole months. */
  grain: 'day' | 'month'
}

/** A live row's record key, from the database's secret (migration 0014): never returned to a reader. */
const recordKey = (id: string) => `stat_record_key(${id}::text)`

/** Cambodia keeps UTC+7 all year, so the offset needs no time-zone database (PGlite has none to rely on). */
const cambodiaDay = (column: string) =>
  `to_char((${column} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')`

/** HTCDS-style genders of protection persons on the crossings' sex codes, so both read the same. */
const SEX_OF_GENDER = `CASE p.gender WHEN 'female' THEN 'F' WHEN 'male' THEN 'M' WHEN 'nonconforming' THEN 'X' END`

const ageOf = (day: string) =>
  `CASE WHEN p.birth_date IS NULL THEN NULL ELSE date_part('year', age((${day})::date, p.birth_date))::int END`

const POST_PROVINCE = 'poe.province_code'
const jsonTexts = (json: string) =>
  `ARRAY(SELECT DISTINCT jsonb_array_elements_text(coalesce(${json}, '[]'::jsonb)))`

const person = (day: string) => ({
  sex: SEX_OF_GENDER,
  nationality: 'p.nationality',
  provinceOfOrigin: 'p.province_code',
  age: ageOf(day),
})

/** Every crossing cuboid, smallest first; the query picks the first that holds what it needs. */
export const CROSSING_CUBOIDS: readonly Source[] = [
  {
    from: 'stat_crossings_post_month_now s LEFT JOIN points_of_entry poe ON poe.code = s.post_code',
    day: 's.month',
    weight: 's.count',
    key: 's.key_sum',
    grain: 'month',
    dims: {
      post: 's.post_code',
      direction: 's.direction',
      outcome: 's.decision',
      refusalReason: 's.refusal_reason',
      postProvince: POST_PROVINCE,
    },
  },
  {
    from: 'stat_crossings_person_now s',
    day: 's.month',
    weight: 's.count',
    key: 's.key_sum',
    grain: 'month',
    age: 's.age',
    dims: { direction: 's.direction', outcome: 's.decision', nationality: 's.nationality', sex: 's.sex' },
  },
  {
    from: 'stat_crossings_post_person_now s LEFT JOIN points_of_entry poe ON poe.code = s.post_code',
    day: 's.month',
    weight: 's.count',
    key: 's.key_sum',
    grain: 'month',
    age: 's.age',
    dims: {
      post: 's.post_code',
      outcome: 's.decision',
      nationality: 's.nationality',
      sex: 's.sex',
      postProvince: POST_PROVINCE,
    },
  },
  {
    from: 'stat_crossings_post_now s LEFT JOIN points_of_entry poe ON poe.code = s.post_code',
    day: 's.day',
    weight: 's.count',
    key: 's.key_sum',
    grain: 'day',
    dims: {
      post: 's.post_code',
      direction: 's.direction',
      outcome: 's.decision',
      refusalReason: 's.refusal_reason',
      postProvince: POST_PROVINCE,
    },
  },
  {
    from: 'stat_crossings_now s LEFT JOIN points_of_entry poe ON poe.code = s.post_code',
    day: 's.day',
    weight: 's.count',
    key: 's.key_sum',
    grain: 'day',
    age: 's.age',
    dims: {
      post: 's.post_code',
      direction: 's.direction',
      outcome: 's.decision',
      refusalReason: 's.refusal_reason',
      postProvince: POST_PROVINCE,
      nationality: 's.nationality',
      sex: 's.sex',
      documentType: 's.document_type',
      travelPurpose: 's.purpose',
    },
  },
]

/**
 * A referral to secondary inspection is a step, not a decision: the supervisor's outcome is recorded as a crossing
 * of its own, so travellers are counted by their admitted and refused movements.
 */
export const CROSSING_CONDITIONS = {
  travellers: "s.decision <> 'refer_secondary'",
  refusals: "s.decision = 'refuse'",
} as const

const HIT_DAY = cambodiaDay('h.created_at')
const REFERRAL_DAY = cambodiaDay('r.created_at')
const CASE_DAY = cambodiaDay('c.opened_at')
const ASSISTANCE_DAY = cambodiaDay('a.provided_at')
const VICTIM_DAY = cambodiaDay('v.screened_at')

/** The forms of exploitation an identification found, from the HTCDS fields it pre-fills. */
const EXPLOITATION_FORMS = `array_remove(ARRAY[
    CASE WHEN v.result->'htcds'->>'sexExploitation' = 'true' THEN 'sexual' END,
    CASE WHEN v.result->'htcds'->'typeOfLabourExploitation' ? 'IllicitActivities' THEN 'criminality' END,
    CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements_text(v.result->'htcds'->'typeOfLabourExploitation') x
      WHERE x <> 'IllicitActivities') THEN 'labour' END], NULL)`

/**
 * Victims detected: persons with a presumed-victim identification, each counted once on the day of their first
 * such identification (merged duplicates count as one person).
 */
const FIRST_IDENTIFICATIONS = `(SELECT DISTINCT ON (coalesce(pp.merged_into, pp.id)) i.*
    FROM protection_identifications i JOIN protection_persons pp ON pp.id = i.person_id
    WHERE i.outcome = 'presumedVictim'
    ORDER BY coalesce(pp.merged_into, pp.id), i.screened_at, i.id) v`

/** Completed years on the registration day from a `YYYY[-MM[-DD]]` birth date, else the estimate given then. */
const RETURNEE_AGE = `CASE WHEN rt.birth_date IS NULL THEN rt.estimated_age ELSE
    substr(rt.registered_on, 1, 4)::int - substr(rt.birth_date, 1, 4)::int
    - CASE WHEN substr(rt.registered_on, 6, 5) < CASE length(rt.birth_date)
        WHEN 10 THEN substr(rt.birth_date, 6, 5) WHEN 7 THEN substr(rt.birth_date, 6, 2) || '-01' ELSE '01-01' END
      THEN 1 ELSE 0 END END`

export const LIVE_SOURCES: Readonly<Record<string, Source>> = {
  returnees: {
    from: 'returnees rt LEFT JOIN points_of_entry poe ON poe.code = rt.post_code',
    day: 'rt.registered_on',
    weight: '1',
    key: recordKey('rt.id'),
    grain: 'day',
    age: RETURNEE_AGE,
    dims: {
      post: 'rt.post_code',
      sex: 'rt.sex',
      nationality: 'rt.nationality',
      provinceOfOrigin: 'rt.origin_province',
      provinceOfReturn: 'rt.return_province',
      outcome: 'rt.return_type',
      postProvince: POST_PROVINCE,
    },
    multi: { vulnerabilityType: 'rt.triage_flags', service: 'rt.needs' },
  },
  hits: {
    from: 'screening_hits h LEFT JOIN points_of_entry poe ON poe.code = h.post_code',
    day: HIT_DAY,
    weight: '1',
    key: recordKey('h.id'),
    grain: 'day',
    dims: {
      post: 'h.post_code',
      outcome: 'h.status',
      alertList: 'h.list_id::text',
      postProvince: POST_PROVINCE,
    },
  },
  referrals: {
    from: `protection_referrals r JOIN protection_persons p ON p.id = r.person_id
      LEFT JOIN points_of_entry poe ON poe.code = r.from_post`,
    day: REFERRAL_DAY,
    weight: '1',
    key: recordKey('r.id'),
    grain: 'day',
    ...withPerson(REFERRAL_DAY, { post: 'r.from_post', outcome: 'r.state', postProvince: POST_PROVINCE }),
    multi: { service: jsonTexts('r.services') },
  },
  cases: {
    from: `protection_cases c JOIN protection_persons p ON p.id = c.person_id
      LEFT JOIN protection_identifications i ON i.id = c.identification_id
      LEFT JOIN points_of_entry poe ON poe.code = i.post_code`,
    day: CASE_DAY,
    weight: '1',
    key: recordKey('c.id'),
    grain: 'day',
    ...withPerson(CASE_DAY, { post: 'i.post_code', outcome: 'c.state', postProvince: POST_PROVINCE }),
  },
  victims: {
    from: `${FIRST_IDENTIFICATIONS} JOIN protection_persons p ON p.id = v.person_id
      LEFT JOIN points_of_entry poe ON poe.code = v.post_code`,
    day: VICTIM_DAY,
    weight: '1',
    key: recordKey('v.id'),
    grain: 'day',
    ...withPerson(VICTIM_DAY, { post: 'v.post_code', postProvince: POST_PROVINCE }),
    multi: {
      vulnerabilityType: jsonTexts("v.result->'vulnerabilities'"),
      exploitationForm: EXPLOITATION_FORMS,
    },
  },
  services: {
    from: `protection_assistance a JOIN protection_persons p ON p.id = a.person_id
      LEFT JOIN protection_referrals r ON r.id = a.referral_id
      LEFT JOIN points_of_entry poe ON poe.code = r.from_post`,
    day: ASSISTANCE_DAY,
    weight: '1',
    key: recordKey('a.id'),
    grain: 'day',
    ...withPerson(ASSISTANCE_DAY, { post: 'r.from_post', postProvince: POST_PROVINCE }),
    multi: { service: 'ARRAY[a.service]' },
  },
}

function withPerson(day: string, dims: Partial<Record<DimensionId, string>>) {
  const { age, ...personDims } = person(day)
  return { age, dims: { ...personDims, ...dims } }
}

/** Sources of indicators that are not measures of their own. */
export const INDICATOR_SOURCES = {
  /** Current risk evaluations whose hit was confirmed by the officer's follow-up, per indicator hit. */
  riskConfirmed: {
    from: 'risk_evaluations e LEFT JOIN points_of_entry poe ON poe.code = e.post_code',
    day: cambodiaDay('e.evaluated_at'),
    weight: '1',
    key: recordKey('e.id'),
    grain: 'day',
    dims: { post: 'e.post_code', postProvince: POST_PROVINCE },
    multi: { riskIndicator: "ARRAY(SELECT DISTINCT h->>'indicatorId' FROM jsonb_array_elements(e.hits) h)" },
  },
} as const satisfies Record<string, Source>

export const RISK_CONFIRMED = "e.outcome = 'confirmed' AND e.superseded_by IS NULL"
export const REFERRAL_NOT_WITHDRAWN = "r.state <> 'withdrawn'"
export const REFERRAL_COMPLETED = "r.state = 'completed'"
