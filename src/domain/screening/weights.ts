import type { NamePart } from './name-parts.ts'

/**
 * Parts so common they say little about who someone is: the most frequent Vietnamese surnames and
 * middle names (Nguyễn alone ≈ 38 %), Arabic name elements and Western particles. An agreement on them
 * counts less, and so does a disagreement.
 */
const COMMON_PARTS = new Set([
  'nguyen',
  'tran',
  'le',
  'pham',
  'van',
  'thi',
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'binti',
  'abu',
  'abd',
  'abdul',
  'mohamed',
  'muhammad',
  'mohammed',
  'mohammad',
  'md',
  'de',
  'da',
  'del',
  'della',
  'der',
  'di',
  'dos',
  'du',
  'la',
  'von',
])

export const INITIAL_WEIGHT = 0.5
export const COMMON_WEIGHT = 0.6
/** A part present on one side only (a middle name, a dropped patronymic) is weak evidence against a match. */
export const EXTRA_PART_WEIGHT = 0.3

export function partWeight(part: NamePart): number {
  if (part.initial) return INITIAL_WEIGHT
  return COMMON_PARTS.has(part.norm) ? COMMON_WEIGHT : 1
}
