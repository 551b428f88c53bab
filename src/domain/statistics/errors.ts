/**
 * Every failure the statistics domain reports: a stable code that is also the message key in
 * `src/locales/<locale>/statistics.json`, with parameters for the message, never prose.
 */
export const STATISTICS_ERRORS = {
  invalidDate: 'statistics.errors.invalidDate',
  invalidPeriod: 'statistics.errors.invalidPeriod',
  invalidPeriodUnit: 'statistics.errors.invalidPeriodUnit',
  periodRangeReversed: 'statistics.errors.periodRangeReversed',
  periodRangeTooLong: 'statistics.errors.periodRangeTooLong',
  ageBandsEmpty: 'statistics.errors.ageBandsEmpty',
  ageBandsMustStartAtZero: 'statistics.errors.ageBandsMustStartAtZero',
  ageBandsNotIncreasing: 'statistics.errors.ageBandsNotIncreasing',
  ageBandsNotWholeYears: 'statistics.errors.ageBandsNotWholeYears',
  ageBandsTooOld: 'statistics.errors.ageBandsTooOld',
  unknownDimension: 'statistics.errors.unknownDimension',
  duplicateDimension: 'statistics.errors.duplicateDimension',
  tooManyDimensions: 'statistics.errors.tooManyDimensions',
  periodUnitRequired: 'statistics.errors.periodUnitRequired',
  unexpectedDimensionUnit: 'statistics.errors.unexpectedDimensionUnit',
  invalidRateBase: 'statistics.errors.invalidRateBase',
  invalidThreshold: 'statistics.errors.invalidThreshold',
  invalidCount: 'statistics.errors.invalidCount',
  invalidEpsilon: 'statistics.errors.invalidEpsilon',
  invalidDelta: 'statistics.errors.invalidDelta',
  invalidSensitivity: 'statistics.errors.invalidSensitivity',
  gaussianNeedsDelta: 'statistics.errors.gaussianNeedsDelta',
  gaussianEpsilonTooLarge: 'statistics.errors.gaussianEpsilonTooLarge',
  privacyBudgetExceeded: 'statistics.errors.privacyBudgetExceeded',
  invalidHxlHashtag: 'statistics.errors.invalidHxlHashtag',
  noHxlHashtags: 'statistics.errors.noHxlHashtags',
  hxlRowLengthMismatch: 'statistics.errors.hxlRowLengthMismatch',
  filterNotSingle: 'statistics.errors.filterNotSingle',
  filterIsolatesSmallGroup: 'statistics.errors.filterIsolatesSmallGroup',
} as const

export type StatisticsErrorCode = (typeof STATISTICS_ERRORS)[keyof typeof STATISTICS_ERRORS]

export interface StatisticsError {
  code: StatisticsErrorCode
  params?: Record<string, string | number>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StatisticsError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(
  code: StatisticsErrorCode,
  params?: Record<string, string | number>,
): Result<T> {
  return params ? { ok: false, error: { code, params } } : { ok: false, error: { code } }
}
