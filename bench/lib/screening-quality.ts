/**
 * Quality half of the screening bench: precision, recall and F1 of the matcher on the labelled pairs,
 * beside baselines scored on the same pairs in the same run. The matcher's thresholds are fixed
 * constants (tuned on the dev split); each baseline gets the threshold that maximises its F1 on the dev
 * split, which favours the baselines. Figures are reported on the held-out test split.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Fuse from 'fuse.js'
import pg from 'pg'
import {
  compareNames,
  MATCH_THRESHOLD,
  POSSIBLE_THRESHOLD,
} from '../../src/domain/screening/compare-names.ts'
import { jaroWinkler } from '../../src/domain/screening/jaro-winkler.ts'
import type { LabelledPair } from '../data/screening-pairs.build.ts'

const here = dirname(fileURLToPath(import.meta.url))

export function loadPairs(): LabelledPair[] {
  return readFileSync(join(here, '..', 'data', 'screening-pairs.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LabelledPair)
}

export interface Scores {
  precision: number
  recall: number
  f1: number
}

export function scoresAt(
  pairs: LabelledPair[],
  score: number[],
  threshold: number,
  keep: (p: LabelledPair) => boolean,
): Scores {
  let tp = 0
  let fp = 0
  let fn = 0
  pairs.forEach((p, i) => {
    if (!keep(p)) return
    const hit = score[i]! >= threshold
    if (hit && p.match) tp++
    else if (hit) fp++
    else if (p.match) fn++
  })
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  }
}

const isDev = (p: LabelledPair) => p.split === 'dev'
export const isTest = (p: LabelledPair) => p.split === 'test'

/** The threshold in [0, 1] (steps of 0.01) with the best F1 on the dev split. */
export function bestThreshold(pairs: LabelledPair[], score: number[]): number {
  let best = { t: 0.5, f1: -1 }
  for (let k = 0; k <= 100; k++) {
    const f1 = scoresAt(pairs, score, k / 100, isDev).f1
    if (f1 > best.f1) best = { t: k / 100, f1 }
  }
  return best.t
}

const plain = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

export function passageScores(pairs: LabelledPair[]): number[] {
  return pairs.map(
    (p) => compareNames({ name: p.a, birthDate: p.aBirthDate }, { name: p.b, birthDate: p.bBirthDate }).score,
  )
}

/** Jaro-Winkler on the names' tokens, lower-cased, diacritics stripped and sorted. */
export function jaroWinklerScores(pairs: LabelledPair[]): number[] {
  return pairs.map((p) => jaroWinkler(plain(p.a).sort().join(' '), plain(p.b).sort().join(' ')))
}

/** Fuse.js (Bitap) similarity of one name searched in a one-item list holding the other. */
export function fuseScores(pairs: LabelledPair[]): number[] {
  return pairs.map((p) => {
    const [hit] = new Fuse([p.b], { includeScore: true, threshold: 1, ignoreLocation: true }).search(p.a)
    return hit ? 1 - (hit.score ?? 1) : 0
  })
}

/** PostgreSQL pg_trgm `similarity()`, all pairs in one statement. */
export async function pgTrgmScores(url: string, pairs: LabelledPair[]): Promise<number[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    const { rows } = await client.query<{ i: string; s: number }>(
      'SELECT i, similarity(a, b) AS s FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(a, b, i) ORDER BY i',
      [pairs.map((p) => p.a), pairs.map((p) => p.b)],
    )
    return rows.map((r) => Number(r.s))
  } finally {
    await client.end()
  }
}

export interface Comparison {
  passage: Scores
  baselines: { name: string; threshold: number; test: Scores }[]
}

export interface QualityReport extends Comparison {
  passageMatch: Scores
  passageDev: Scores
  /** The same comparison on the pairs with no Khmer script, which the baselines cannot read at all. */
  latinOnly: Comparison
  byCategory: { category: string; accuracy: number; n: number }[]
}

function compare(
  pairs: LabelledPair[],
  ours: number[],
  baselines: [string, number[]][],
  keep: (p: LabelledPair) => boolean,
): Comparison {
  const idx = pairs.map((p, i) => [p, i] as const).filter(([p]) => keep(p))
  const subset = idx.map(([p]) => p)
  const pick = (score: number[]) => idx.map(([, i]) => score[i]!)
  return {
    passage: scoresAt(subset, pick(ours), POSSIBLE_THRESHOLD, isTest),
    baselines: baselines.map(([name, score]) => {
      const threshold = bestThreshold(subset, pick(score))
      return { name, threshold, test: scoresAt(subset, pick(score), threshold, isTest) }
    }),
  }
}

const KHMER = /[\u1780-\u17FF]/

export async function measureQuality(url: string): Promise<QualityReport> {
  const pairs = loadPairs()
  const ours = passageScores(pairs)
  const baselines: [string, number[]][] = [
    ['Jaro-Winkler on sorted tokens', jaroWinklerScores(pairs)],
    ['Fuse.js 7', fuseScores(pairs)],
    ['PostgreSQL pg_trgm similarity()', await pgTrgmScores(url, pairs)],
  ]
  const categories = [...new Set(pairs.map((p) => p.category))]
  return {
    ...compare(pairs, ours, baselines, () => true),
    passageMatch: scoresAt(pairs, ours, MATCH_THRESHOLD, isTest),
    passageDev: scoresAt(pairs, ours, POSSIBLE_THRESHOLD, isDev),
    latinOnly: compare(pairs, ours, baselines, (p) => !KHMER.test(p.a) && !KHMER.test(p.b)),
    byCategory: categories.map((category) => {
      const keep = (p: LabelledPair) => p.category === category
      const n = pairs.filter(keep).length
      // Most categories hold one label only, so they have no F1: accuracy is what they show.
      const correct = pairs.filter((p, i) => keep(p) && p.match === ours[i]! >= POSSIBLE_THRESHOLD).length
      return { category, accuracy: correct / n, n }
    }),
  }
}
