import fc from 'fast-check'
import { parse as npmParse } from 'mrz'
import { LAYOUTS } from '../src/domain/documents/formats.ts'
import { generateMrz } from '../src/domain/documents/generate.ts'
import { parseMrz } from '../src/domain/documents/parse.ts'
import { documentOf, REFERENCE_DATE } from '../src/domain/documents/test-arbitraries.ts'
import { opsPerSecond, percentile } from './lib/stats.ts'
import type { BenchArea, Figure } from './lib/types.ts'

const PER_FORMAT = 1500
const MRZ_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'

/**
 * The same inputs for both engines: random TD1/TD2/TD3 documents (the formats npm `mrz` reads), a third of
 * them with one character replaced somewhere, as a reader or a forger would leave it.
 */
function inputs(): string[][] {
  const out: string[][] = []
  for (const format of ['TD1', 'TD2', 'TD3'] as const) {
    const docs = fc.sample(documentOf(format), { numRuns: PER_FORMAT, seed: 9303 })
    const { lineCount, lineLength } = LAYOUTS[format]
    docs.forEach((doc, i) => {
      const lines = generateMrz(doc).lines
      if (i % 3 === 0) {
        const n = (i * 7) % lineCount
        const at = (i * 13) % lineLength
        const ch = MRZ_CHARS[(i * 5) % MRZ_CHARS.length]!
        lines[n] = lines[n]!.slice(0, at) + ch + lines[n]!.slice(at + 1)
      }
      out.push(lines)
    })
  }
  return out
}

function npmValid(lines: string[]): boolean {
  try {
    return npmParse(lines).valid
  } catch {
    return false
  }
}

/** Why the two engines disagree on one input: the field npm rejects, or the error code we report. */
function disagreement(lines: string[], oursValid: boolean, ourFirstError: string | undefined): string {
  if (!oursValid) return `only passage rejects: ${ourFirstError}`
  try {
    const field = npmParse(lines).details.find((d) => !d.valid)?.field
    return `only npm mrz rejects: ${field}`
  } catch (err) {
    return `only npm mrz rejects: throws ${String(err)}`
  }
}

const options = { referenceDate: REFERENCE_DATE }

const area: BenchArea = {
  area: 'documents',
  async run(ctx) {
    const docs = inputs()
    let agree = 0
    const reasons = new Map<string, number>()
    for (const lines of docs) {
      const ours = parseMrz(lines, options)
      if (ours.valid === npmValid(lines)) agree++
      else {
        const reason = disagreement(lines, ours.valid, ours.errors[0]?.code)
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
      }
    }
    const agreement = (100 * agree) / docs.length
    ctx.log(`${docs.length} TD1/TD2/TD3 inputs, agreement on validity ${agreement.toFixed(2)}%`)
    for (const [reason, count] of reasons) ctx.log(`  ${count} × ${reason}`)

    let i = 0
    const ourParse = () => {
      parseMrz(docs[i++ % docs.length]!, options)
    }
    let j = 0
    const theirParse = () => {
      npmValid(docs[j++ % docs.length]!)
    }
    opsPerSecond(ourParse, 300)
    opsPerSecond(theirParse, 300)
    // Many short interleaved rounds and the median of each: on shared cores a neighbour's load comes and goes,
    // and this way it falls on both engines alike instead of deciding the ratio.
    const oursRounds: number[] = []
    const theirRounds: number[] = []
    for (let round = 0; round < 16; round++) {
      oursRounds.push(opsPerSecond(ourParse, 250))
      theirRounds.push(opsPerSecond(theirParse, 250))
    }
    const ours = percentile(oursRounds, 50)
    const theirs = percentile(theirRounds, 50)
    ctx.log(
      `parses/s: passage ${Math.round(ours)}, npm mrz ${Math.round(theirs)} (${(ours / theirs).toFixed(1)}x)`,
    )

    const figures: Figure[] = [
      {
        area: 'documents',
        name: 'parse-throughput',
        unit: 'parses/s',
        value: ours,
        baseline: 'npm mrz',
        baselineValue: theirs,
        better: 'higher',
      },
      {
        area: 'documents',
        name: 'agreement',
        unit: '%',
        value: agreement,
        baseline: 'npm mrz (full agreement)',
        baselineValue: 100,
        better: 'higher',
      },
    ]
    return figures
  },
}

export default area
