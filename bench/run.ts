import { writeFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../src/platform/db/throwaway-postgres.ts'
import type { BenchArea, BenchContext, Figure } from './lib/types.ts'

const here = dirname(fileURLToPath(import.meta.url))

function parseArgs(argv: string[]): { areas: string[]; json?: string } {
  const areas: string[] = []
  let json: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--json') json = argv[++i]
    else if (arg.startsWith('--json=')) json = arg.slice('--json='.length)
    else areas.push(arg)
  }
  return { areas, json }
}

async function loadAreas(): Promise<BenchArea[]> {
  const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort()
  const mods = await Promise.all(files.map((f) => import(pathToFileURL(join(here, f)).href)))
  return mods.map((m) => m.default as BenchArea)
}

function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.area,
    f.name,
    `${f.value.toFixed(f.value < 10 ? 3 : 1)} ${f.unit}`,
    `${f.baselineValue.toFixed(f.baselineValue < 10 ? 3 : 1)} ${f.unit}`,
    f.baseline,
    ratio(f),
  ])
  const head = ['area', 'figure', 'value', 'baseline value', 'baseline', 'vs baseline']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}

function ratio(f: Figure): string {
  if (!f.baselineValue || !f.value) return '-'
  const r = f.better === 'higher' ? f.value / f.baselineValue : f.baselineValue / f.value
  return `${r.toFixed(2)}x ${r >= 1 ? 'better' : 'worse'}`
}

async function main(): Promise<void> {
  const { areas: wanted, json } = parseArgs(process.argv.slice(2))
  const all = await loadAreas()
  const unknown = wanted.filter((w) => !all.some((a) => a.area === w))
  if (unknown.length) {
    console.error(`Unknown bench area(s): ${unknown.join(', ')}. Known: ${all.map((a) => a.area).join(', ')}`)
    process.exit(2)
  }
  const selected = wanted.length ? all.filter((a) => wanted.includes(a.area)) : all
  let pg: ThrowawayPostgres | undefined
  const ctx: BenchContext = {
    async postgresUrl() {
      if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL
      pg ??= await startThrowawayPostgres()
      return pg.url
    },
    log: (message) => console.error(`  ${message}`),
  }
  const figures: Figure[] = []
  try {
    for (const area of selected) {
      console.error(`bench ${area.area} …`)
      figures.push(...(await area.run(ctx)))
    }
  } finally {
    await pg?.stop()
  }
  printTable(figures)
  if (json) writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`)
}

await main()
