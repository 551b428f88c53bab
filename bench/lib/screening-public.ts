/**
 * Cross-script and Khmer look-alike quality (issue 19): F1 on the public cross-script pairs, overall and
 * per script, and the share of different people with look-alike Khmer given names decided `match`.
 * The figures are taken on each file's `held-out` pairs (a fixed hash of the two names, see the data
 * README); the `dev` pairs, the only ones looked at while tuning, are reported beside them. The
 * matcher's thresholds come from `screening-pairs.jsonl`'s dev split, and each baseline keeps the
 * threshold it got there.
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
  /** Held-out pairs, and how many of each. */
  n: number
  overall: Scores
  /** The dev pairs, for comparison: a large gap to `overall` would mean tuning fitted them. */
  dev: { n: number; overall: Scores; lookalikeMatchRate: number }
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

const matchRate = (looks: PublicPair[]) =>
  looks.filter((p) => compareNames(p.a, p.b).decision === 'match').length / looks.length

export async function measurePublic(baselines: Baseline[]): Promise<PublicQuality> {
  const every = load('screening-public-pairs.jsonl')
  const pairs = every.filter((p) => p.split === 'held-out').map(asLabelled)
  const devPairs = every.filter((p) => p.split === 'dev').map(asLabelled)
  const ours = pairs.map((p) => compareNames(p.a, p.b).score)
  const all = () => true
  const scripts = [...new Set(pairs.map((p) => p.category))].sort()
  const allLooks = load('screening-khmer-lookalikes.jsonl')
  const looks = allLooks.filter((p) => p.split === 'held-out')
  const decisions = looks.map((p) => compareNames(p.a, p.b).decision)
  const devScores = devPairs.map((p) => compareNames(p.a, p.b).score)
  return {
    n: pairs.length,
    dev: {
      n: devPairs.length,
      overall: scoresAt(devPairs, devScores, POSSIBLE_THRESHOLD, all),
      lookalikeMatchRate: matchRate(allLooks.filter((p) => p.split === 'dev')),
    },
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
