/**
 * The defects a trainer can inject into a specimen. Each has the check that finds it at the counter: a machine
 * check the inspection screen already makes (check digits, MRZ against the printed page, expiry, the lists, the
 * guardian rule), or none — the officer must see it (`visual`). The teaching note of each is in
 * `src/locales/<locale>/training.json` under `defect.<code>.note`.
 */
export const DEFECTS = [
  'mrz_check_digit',
  'mrz_viz_birth_date',
  'mrz_viz_name',
  'mrz_viz_number',
  'expired',
  'altered_expiry',
  'lost_stolen',
  'alert_list',
  'child_without_guardian',
  'trafficking_indicators',
] as const
export type DefectCode = (typeof DEFECTS)[number]

export type DetectedBy = 'check_digits' | 'mrz_viz_compare' | 'expiry' | 'lists' | 'companions' | 'visual'

export const DETECTED_BY: Readonly<Record<DefectCode, DetectedBy>> = {
  mrz_check_digit: 'check_digits',
  mrz_viz_birth_date: 'mrz_viz_compare',
  mrz_viz_name: 'mrz_viz_compare',
  mrz_viz_number: 'mrz_viz_compare',
  expired: 'expiry',
  altered_expiry: 'mrz_viz_compare',
  lost_stolen: 'lists',
  alert_list: 'lists',
  child_without_guardian: 'companions',
  trafficking_indicators: 'visual',
}

/** Defects no check finds: only the trainee's reading of the traveller's story does. */
export const VISUAL_ONLY: readonly DefectCode[] = DEFECTS.filter((d) => DETECTED_BY[d] === 'visual')

/** Which defects can sit together on one document without one hiding the other. */
export function compatible(a: DefectCode, b: DefectCode): boolean {
  if (a === b) return false
  const pair = new Set([a, b])
  // An altered expiry is a printed date that disagrees with a still valid MRZ; an expired MRZ would be both.
  if (pair.has('expired') && pair.has('altered_expiry')) return false
  // A child on the alert list changes the age the guardian rule reads; keep the lesson about one thing.
  if (pair.has('child_without_guardian') && (pair.has('mrz_viz_birth_date') || pair.has('mrz_check_digit')))
    return false
  return true
}

export function isDefect(value: string): value is DefectCode {
  return (DEFECTS as readonly string[]).includes(value)
}
