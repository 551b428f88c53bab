import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { parse as npmParse } from 'mrz'
import { LAYOUTS } from '../src/domain/documents/formats.ts'
import { generateMrz } from '../src/domain/documents/generate.ts'
import { parseMrz } from '../src/domain/documents/parse.ts'
import { documentOf, REFERENCE_DATE } from '../src/domain/documents/test-arbitraries.ts'
import { type CliRun, runNodeCli } from './lib/cli-run.ts'
import { opsPerSecond, percentile } from './lib/stats.ts'
import type { BenchArea, BenchContext, Figure } from './lib/types.ts'

const here = dirname(fileURLToPath(import.meta.url))
const CLI_DOCUMENTS = Number(process.env.BENCH_MRZ_CLI_DOCUMENTS ?? 500_000)
const CLI_ROUNDS = 3

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

    const cli = await cliThroughput(ctx, docs)
    const figures: Figure[] = [
      {
        area: 'documents',
        name: `mrz-cli-${CLI_DOCUMENTS >= 1000 ? `${CLI_DOCUMENTS / 1000}k` : CLI_DOCUMENTS}`,
        unit: 'docs/s',
        value: cli.ours,
        baseline: 'npm mrz behind the same stdin → JSON Lines contract (bench/lib/npm-mrz-cli.mjs)',
        baselineValue: cli.theirs,
        better: 'higher',
      },
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

/**
 * `passage mrz` as a user runs it — a whole process reading documents on stdin and writing JSON lines — beside
 * the npm `mrz` package behind the same contract, on the same 500,000 documents (the inputs above, cycled).
 * Rounds alternate between the two and the median of each counts, as above; CPU time is logged beside it.
 */
async function cliThroughput(ctx: BenchContext, docs: string[][]): Promise<{ ours: number; theirs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'passage-bench-mrz-'))
  try {
    const input = join(dir, 'documents.txt')
    const blocks = docs.map((lines) => lines.join('\n'))
    const out: string[] = []
    for (let i = 0; i < CLI_DOCUMENTS; i++) out.push(blocks[i % blocks.length]!)
    writeFileSync(input, `${out.join('\n\n')}\n`)
    const passage = join(here, '..', 'bin', 'passage.js')
    const npm = join(here, 'lib', 'npm-mrz-cli.mjs')
    const ours: CliRun[] = []
    const theirs: CliRun[] = []
    for (let round = 0; round < CLI_ROUNDS; round++) {
      ours.push(await runNodeCli(passage, ['mrz', '--date', REFERENCE_DATE], input))
      theirs.push(await runNodeCli(npm, [], input))
    }
    for (const run of [...ours, ...theirs])
      if (run.lines !== CLI_DOCUMENTS) throw new Error(`${run.lines} lines for ${CLI_DOCUMENTS} documents`)
    const med = (runs: CliRun[], f: (r: CliRun) => number) => percentile(runs.map(f), 50)
    const rate = (runs: CliRun[]) => CLI_DOCUMENTS / med(runs, (r) => r.wallSeconds)
    ctx.log(
      `passage mrz, ${CLI_DOCUMENTS.toLocaleString('en')} documents through the CLI: median ${med(ours, (r) => r.wallSeconds).toFixed(1)} s wall, ${med(ours, (r) => r.cpuSeconds).toFixed(1)} s CPU; npm mrz behind the same contract: ${med(theirs, (r) => r.wallSeconds).toFixed(1)} s wall, ${med(theirs, (r) => r.cpuSeconds).toFixed(1)} s CPU (CPU ratio ${(med(theirs, (r) => r.cpuSeconds) / med(ours, (r) => r.cpuSeconds)).toFixed(1)}x)`,
    )
    return { ours: rate(ours), theirs: rate(theirs) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export default area
