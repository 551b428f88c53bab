import {
  checkKAnonymity,
  DEFAULT_K,
  type EquivalenceClass,
  withoutSmallClasses,
} from '../../domain/protection/k-anonymity.ts'
import { periodKey } from '../../domain/statistics/periods.ts'
import type { ExportResult } from './export-protect.ts'

/** One crossing as a microdata row: quasi-identifiers already generalised, no name, no document, no date. */
// A type alias, not an interface, so that rows fit the k-anonymity check's record type.
export type MicrodataRow = {
  month: string
  post: string
  direction: string
  nationality: string
  sex: string
  ageBand: string
}

export const MICRODATA_QUASI_IDENTIFIERS = ['month', 'post', 'nationality', 'sex', 'ageBand'] as const

/**
 * The coarsening steps tried in order when classes are under k: each trades detail the reader is least
 * likely to need for larger groups. Life stage keeps children apart from adults, the quarter keeps the
 * season, and the rarest nationalities are the easiest way to single someone out.
 */
export const GENERALISATION_STEPS = [
  'ageToLifeStage',
  'monthToQuarter',
  'rareNationalities',
  'postToAll',
] as const
export type GeneralisationStep = (typeof GENERALISATION_STEPS)[number]

const LIFE_STAGE: Readonly<Record<string, string>> = {
  '0-4': '0-17',
  '5-11': '0-17',
  '12-17': '0-17',
  '18-24': '18-59',
  '25-59': '18-59',
}

function apply(step: GeneralisationStep, rows: readonly MicrodataRow[], k: number): MicrodataRow[] {
  switch (step) {
    case 'ageToLifeStage':
      return rows.map((r) => ({ ...r, ageBand: LIFE_STAGE[r.ageBand] ?? r.ageBand }))
    case 'monthToQuarter':
      return rows.map((r) => ({
        ...r,
        month: /^\d{4}-\d{2}$/.test(r.month) ? periodKey(`${r.month}-01`, 'quarter') : r.month,
      }))
    case 'rareNationalities': {
      // A nationality most of whose travellers sit in groups under k is what singles them out.
      const sizes = new Map<string, number>()
      const keyOf = (r: MicrodataRow) => MICRODATA_QUASI_IDENTIFIERS.map((q) => r[q]).join('\u001f')
      for (const r of rows) sizes.set(keyOf(r), (sizes.get(keyOf(r)) ?? 0) + 1)
      const exposed = new Map<string, { small: number; all: number }>()
      for (const r of rows) {
        const e = exposed.get(r.nationality) ?? { small: 0, all: 0 }
        e.all++
        if ((sizes.get(keyOf(r)) ?? 0) < k) e.small++
        exposed.set(r.nationality, e)
      }
      return rows.map((r) => {
        const e = exposed.get(r.nationality)
        return e && e.small * 2 > e.all ? { ...r, nationality: 'other' } : r
      })
    }
    case 'postToAll':
      return rows.map((r) => ({ ...r, post: '*' }))
  }
}

export interface AnonymisedMicrodata {
  k: number
  rows: MicrodataRow[]
  steps: GeneralisationStep[]
  /** Rows left out because their class stayed under k after every step. */
  withheld: number
  records: number
}

/**
 * Generalises step by step until at most `maxWithheldShare` of the rows sit in classes under k, then
 * withholds those rows; refuses when even the coarsest form would withhold more (the export would then
 * mislead more than it informs). The result always satisfies k-anonymity on the quasi-identifiers.
 */
export function anonymiseMicrodata(
  rows: readonly MicrodataRow[],
  o: { k?: number; maxWithheldShare?: number } = {},
): ExportResult<AnonymisedMicrodata> {
  const k = o.k ?? DEFAULT_K
  const maxWithheld = Math.floor((o.maxWithheldShare ?? 0.05) * rows.length)
  const qis = [...MICRODATA_QUASI_IDENTIFIERS]
  let current = [...rows]
  const steps: GeneralisationStep[] = []
  let smallest: EquivalenceClass[] = []
  for (const step of [null, ...GENERALISATION_STEPS]) {
    if (step) {
      current = apply(step, current, k)
      steps.push(step)
    }
    const report = checkKAnonymity(current, qis, k)
    if (!report.ok) return report
    smallest = report.value.tooSmall
    if (report.value.recordsInSmallClasses <= maxWithheld) {
      const kept = withoutSmallClasses(current, qis, k)
      if (!kept.ok) return kept
      return ok({ k, rows: kept.value.kept, steps, withheld: kept.value.withheld, records: rows.length })
    }
  }
  return {
    ok: false,
    error: {
      code: 'exports.errors.kAnonymityUnreachable',
      params: { k, classesUnderK: smallest.length, records: rows.length },
    },
  }
}

function ok<T>(value: T): ExportResult<T> {
  return { ok: true, value }
}
