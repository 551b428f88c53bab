import type { DefectCode } from './defects.ts'

export interface ItemAnswer {
  /** The answer key. */
  injected: readonly DefectCode[]
  /** What the trainee recorded; an empty list says "nothing wrong with this document". */
  reported: readonly DefectCode[]
}

export interface ItemScore {
  found: DefectCode[]
  missed: DefectCode[]
  falseAlarms: DefectCode[]
}

export interface ExerciseScore {
  items: ItemScore[]
  found: number
  missed: number
  falseAlarms: number
  /** 0–100: found ÷ (injected + false alarms), so reporting everything scores as badly as reporting nothing. */
  percent: number
}

export function scoreItem(a: ItemAnswer): ItemScore {
  const reported = new Set(a.reported)
  const injected = new Set(a.injected)
  return {
    found: [...injected].filter((d) => reported.has(d)),
    missed: [...injected].filter((d) => !reported.has(d)),
    falseAlarms: [...reported].filter((d) => !injected.has(d)),
  }
}

export function scoreExercise(answers: readonly ItemAnswer[]): ExerciseScore {
  const items = answers.map(scoreItem)
  const sum = (k: keyof ItemScore) => items.reduce((n, i) => n + i[k].length, 0)
  const found = sum('found')
  const missed = sum('missed')
  const falseAlarms = sum('falseAlarms')
  const denominator = found + missed + falseAlarms
  // A set of clean documents all passed as clean is a perfect score, not 0 / 0.
  const percent = denominator === 0 ? 100 : Math.round((100 * found) / denominator)
  return { items, found, missed, falseAlarms, percent }
}
