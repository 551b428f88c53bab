import type { DefectCode } from './defects.ts'
import { isLate } from './pace.ts'

export interface ItemAnswer {
  /** The answer key. */
  injected: readonly DefectCode[]
  /** What the trainee recorded; an empty list says "nothing wrong with this document". */
  reported: readonly DefectCode[]
  /**
   * How long the trainee took on the server's clock (null: never answered) against the set's limit. Without it
   * the document is scored untimed.
   */
  timing?: { seconds: number | null; limitSeconds: number }
}

export interface ItemScore {
  found: DefectCode[]
  /** Defects the trainee found, but after the document's time: at the counter the traveller had gone through. */
  foundLate: DefectCode[]
  missed: DefectCode[]
  falseAlarms: DefectCode[]
  seconds: number | null
  limitSeconds: number | null
  late: boolean
}

export interface ExerciseScore {
  items: ItemScore[]
  found: number
  foundLate: number
  missed: number
  falseAlarms: number
  /** Documents answered after their time or not at all. */
  late: number
  /** 0–100: found in time ÷ (injected + false alarms), so reporting everything scores as badly as nothing. */
  percent: number
}

export function scoreItem(a: ItemAnswer): ItemScore {
  const reported = new Set(a.reported)
  const injected = [...new Set(a.injected)]
  const late = a.timing ? isLate(a.timing.seconds, a.timing.limitSeconds) : false
  const hit = injected.filter((d) => reported.has(d))
  return {
    found: late ? [] : hit,
    foundLate: late ? hit : [],
    missed: injected.filter((d) => !reported.has(d)),
    falseAlarms: [...reported].filter((d) => !injected.includes(d)),
    seconds: a.timing?.seconds ?? null,
    limitSeconds: a.timing?.limitSeconds ?? null,
    late,
  }
}

export function scoreExercise(answers: readonly ItemAnswer[]): ExerciseScore {
  const items = answers.map(scoreItem)
  const sum = (k: 'found' | 'foundLate' | 'missed' | 'falseAlarms') =>
    items.reduce((n, i) => n + i[k].length, 0)
  const found = sum('found')
  const foundLate = sum('foundLate')
  const missed = sum('missed')
  const falseAlarms = sum('falseAlarms')
  const denominator = found + foundLate + missed + falseAlarms
  // A set of clean documents all passed as clean is a perfect score, not 0 / 0.
  const percent = denominator === 0 ? 100 : Math.round((100 * found) / denominator)
  const late = items.filter((i) => i.late).length
  return { items, found, foundLate, missed, falseAlarms, late, percent }
}

export interface DefectTally {
  defect: DefectCode
  injected: number
  found: number
  foundLate: number
  missed: number
  falseAlarms: number
}

/**
 * A session's results per defect kind, over the trainees' scores: which checks the group has learnt and which it
 * misses or over-reports. Kinds never injected nor reported are left out.
 */
export function tallyByDefect(scores: readonly ExerciseScore[], order: readonly DefectCode[]): DefectTally[] {
  const rows = new Map<DefectCode, DefectTally>(
    order.map((defect) => [
      defect,
      { defect, injected: 0, found: 0, foundLate: 0, missed: 0, falseAlarms: 0 },
    ]),
  )
  for (const score of scores)
    for (const item of score.items) {
      for (const k of ['found', 'foundLate', 'missed', 'falseAlarms'] as const)
        for (const d of item[k] ?? []) {
          const row = rows.get(d)
          if (!row) continue
          row[k] += 1
          if (k !== 'falseAlarms') row.injected += 1
        }
    }
  return [...rows.values()].filter((r) => r.injected + r.falseAlarms > 0)
}
