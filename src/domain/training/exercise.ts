import { compatible, DEFECTS, type DefectCode, VISUAL_ONLY } from './defects.ts'
import { seeded } from './random.ts'
import { SPECIMEN_KINDS, type SpecimenKind } from './specimen.ts'

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const
export type Difficulty = (typeof DIFFICULTIES)[number]

/** One document of an exercise, as stored: regenerated from its seed, kind and defects. */
export interface ExerciseItem {
  seed: number
  kind: SpecimenKind
  defects: DefectCode[]
}

export const MAX_ITEMS = 20
export const MAX_DEFECTS_PER_ITEM = 3

/** The plain checks a beginner learns first; medium adds the page against the MRZ; hard adds the story. */
const POOL: Record<Difficulty, readonly DefectCode[]> = {
  easy: ['mrz_check_digit', 'expired', 'lost_stolen', 'alert_list'],
  medium: DEFECTS.filter((d) => !VISUAL_ONLY.includes(d)),
  hard: DEFECTS,
}
const MAX_PER_ITEM: Record<Difficulty, number> = { easy: 1, medium: 2, hard: 3 }

/** Why a composed set is refused, as the error detail codes of the route. */
export type CompositionProblem = 'too_many_items' | 'no_items' | 'too_many_defects' | 'incompatible_defects'

export function checkComposition(items: readonly Omit<ExerciseItem, 'seed'>[]): CompositionProblem | null {
  if (items.length === 0) return 'no_items'
  if (items.length > MAX_ITEMS) return 'too_many_items'
  for (const item of items) {
    const defects = [...new Set(item.defects)]
    if (defects.length > MAX_DEFECTS_PER_ITEM) return 'too_many_defects'
    for (const a of defects)
      for (const b of defects) if (a < b && !compatible(a, b)) return 'incompatible_defects'
  }
  return null
}

/**
 * Passage draws a set by difficulty: about one document in four is clean (an officer must also pass a good
 * document), the others carry 1…max defects from the level's pool that can sit together.
 */
export function drawExercise(o: { seed: number; difficulty: Difficulty; size: number }): ExerciseItem[] {
  const r = seeded(o.seed)
  const size = Math.min(Math.max(o.size, 1), MAX_ITEMS)
  return Array.from({ length: size }, () => {
    const kind = r.pick(SPECIMEN_KINDS)
    const defects: DefectCode[] = []
    if (r.next() >= 0.25) {
      const wanted = r.int(1, MAX_PER_ITEM[o.difficulty])
      for (const d of r.shuffle(POOL[o.difficulty]))
        if (defects.length < wanted && defects.every((e) => compatible(d, e))) defects.push(d)
    }
    return { seed: r.int(1, 2 ** 31 - 1), kind, defects }
  })
}
