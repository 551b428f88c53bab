/** Age bands used by the impact check and statistics; labels under `risk.ageBands.<band>`. */
export const AGE_BANDS = ['0-4', '5-11', '12-17', '18-24', '25-59', '60+', 'unknown'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

export function ageBand(age: number | null | undefined): AgeBand {
  if (typeof age !== 'number' || !Number.isFinite(age) || age < 0) return 'unknown'
  if (age < 5) return '0-4'
  if (age < 12) return '5-11'
  if (age < 18) return '12-17'
  if (age < 25) return '18-24'
  if (age < 60) return '25-59'
  return '60+'
}
