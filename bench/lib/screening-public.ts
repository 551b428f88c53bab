/**
 * Cross-script and Khmer look-alike quality (issue 19): F1 on the public cross-script pairs, overall and
 * per script, and the share of different people with look-alike Khmer given names decided `match`.
 * Every pair here is held out: the matcher's thresholds were tuned on `screening-pairs.jsonl`'s dev
 * split, and each baseline keeps the threshold it got there.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareNames, POSSIBLE_THRESHOLD } from '../../src/domain/screening/compare-names.ts'
import type { LabelledPair } from '../data/screening-pairs.build.ts'
import type { PublicPair } from '../data/screening-public-pairs.build.ts'
import { type Scores, scoresAt } from './screening-quality.ts'

const here = dirname(fileURLToPath(import.meta.url))

function load(file: string): PublicPair[] {
  return readFileSync(join(here, '..', 'data', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PublicPair)
}

/** As labelled pairs of the test split, so the main bench's scoring applies unchanged. */
const asLabelled = (p: PublicPair): LabelledPair => ({ ...p, category: p.script, split: 'test' })

export interface PublicQuality {
  overall: Scores
  byScript: { script: string; n: number; scores: Scores }[]
  /** A baseline's F1 on the same pairs at the threshold it was given on the main dev split. */
  baselines: { name: string; overall: Scores; byScript: Map<string, Scores> }[]
  lookalikes: { n: number; matchRate: number; possibleOrMatchRate: number }
}

export interface Baseline {
  name: string
  threshold: number
  score: (pairs: LabelledPair[]) => Promise<number[]> | number[]
}

export async function measurePublic(baselines: Baseline[]): Promise<PublicQuality> {
  const pairs = load('screening-public-pairs.jsonl').map(asLabelled)
  const ours = pairs.map((p) => compareNames(p.a, p.b).score)
  const all = () => true
  const scripts = [...new Set(pairs.map((p) => p.category))].sort()
  const looks = load('screening-khmer-lookalikes.jsonl')
  const decisions = looks.map((p) => compareNames(p.a, p.b).decision)
  return {
    overall: scoresAt(pairs, ours, POSSIBLE_THRESHOLD, all),
    byScript: scripts.map((script) => ({
      script,
      n: pairs.filter((p) => p.category === script).length,
      scores: scoresAt(pairs, ours, POSSIBLE_THRESHOLD, (p) => p.category === script),
    })),
    baselines: await Promise.all(
      baselines.map(async (b) => {
        const score = await b.score(pairs)
        const byScript = new Map(
          scripts.map((s) => [s, scoresAt(pairs, score, b.threshold, (p) => p.category === s)] as const),
        )
        return { name: b.name, overall: scoresAt(pairs, score, b.threshold, all), byScript }
      }),
    ),
    lookalikes: {
      n: looks.length,
      matchRate: decisions.filter((d) => d === 'match').length / looks.length,
      possibleOrMatchRate: decisions.filter((d) => d !== 'no-match').length / looks.length,
    },
  }
}
