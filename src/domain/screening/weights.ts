import type { NamePart } from './name-parts.ts'
import { variantKey } from './variants.ts'

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

/**
 * The Khmer surnames research §3.1 attests as the most common (no frequency table exists). Most
 * Cambodians share one of a few dozen surnames, so "Sok" agreeing says little: a pair whose given
 * names only nearly agree must not become a hit on the surname. Compared by variant key, so Khmer
 * script and every romanisation (Chea/Cheah, Sok/Sokh, Sin/Sinn) count alike.
 */
const COMMON_KHMER_SURNAMES = new Set(
  ['chea', 'sok', 'chan', 'seng', 'soth', 'than', 'keo', 'meas', 'heng', 'hun', 'chhem', 'ouch', 'sin'].map(
    variantKey,
  ),
)

export const INITIAL_WEIGHT = 0.5
export const COMMON_WEIGHT = 0.6
/** A part present on one side only (a middle name, a dropped patronymic) is weak evidence against a match. */
export const EXTRA_PART_WEIGHT = 0.3

export function partWeight(part: NamePart): number {
  if (part.initial) return INITIAL_WEIGHT
  if (COMMON_PARTS.has(part.norm)) return COMMON_WEIGHT
  if (part.script !== 'latin' && part.script !== 'khmer') return 1
  return COMMON_KHMER_SURNAMES.has(part.keys[0]!) ? COMMON_WEIGHT : 1
}
