/**
 * Measures what a hostile and a large return-list workbook cost a running server: time to the answer, peak RSS
 * of the server process (its worker threads included), and /api/health latency while the import runs.
 *
 *   npx tsx scripts/measure-imports.ts [ROOT]
 *
 * ROOT is the checkout whose `bin/passage.js` is started (default: this one), so the same script measures another
 * branch before a change. Each run starts the server on a fresh data directory and a free port, and stops it.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spacesBomb, xlsxRows } from '../src/test/hostile-files.ts'
import { freePort } from '../src/test/spawn-passage.ts'

const root = resolve(process.argv[2] ?? '.')
const PASSWORD = 'measure-imports-password'

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : 0
}

async function main() {
  process.stdout.write('Generating files… ')
  const files = [
    ['header + 300 MiB of spaces', spacesBomb(300)],
    ['100,000 valid rows', xlsxRows(100_000)],
    ['400,000 valid rows', xlsxRows(400_000)],
  ] as const
  console.log(files.map(([name, b]) => `${name}: ${(b.length / 1024).toFixed(0)} KB`).join(', '))
  const dataDir = mkdtempSync(join(tmpdir(), 'passage-measure-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [join(root, 'bin/passage.js'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO: 'true',
      DEMO_PASSWORD: PASSWORD,
      DEMO_TRAFFIC: '0',
      SERVE_WEB: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break
      if (i > 600) throw new Error('the server did not start')
      await new Promise((r) => setTimeout(r, 500))
    }
    const signIn = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.poipet', password: PASSWORD }),
    })
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken
    console.log(`server ${root} (pid ${child.pid}), idle RSS ${rssMb(child.pid!).toFixed(0)} MB`)
    for (const [name, bytes] of files) {
      let running = true
      let peak = rssMb(child.pid!)
      const latencies: number[] = []
      const sampler = (async () => {
        while (running) {
          peak = Math.max(peak, rssMb(child.pid!))
          await new Promise((r) => setTimeout(r, 50))
        }
      })()
      const poller = (async () => {
        while (running) {
          const t0 = performance.now()
          await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(120_000) }).catch(() => null)
          latencies.push(performance.now() - t0)
          await new Promise((r) => setTimeout(r, 100))
        }
      })()
      const t0 = performance.now()
      const res = await fetch(
        `${url}/api/returns/imports?format=xlsx&returnType=g2g_list&listRef=M-${Date.now()}`,
        {
          signal: AbortSignal.timeout(600_000),
          method: 'POST',
          headers: {
            cookie,
            'x-csrf-token': csrf,
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
          body: bytes,
        },
      )
        .then(async (r) => ({ status: r.status, body: await r.text() }))
        // A server that never answers (undici gives up after 300 s without headers) is a figure too.
        .catch((e: Error) => ({ status: 0, body: `no answer: ${e.cause ?? e.message}` }))
      const body = res.body
      const seconds = (performance.now() - t0) / 1000
      running = false
      await Promise.all([sampler, poller])
      const last = body.trim().split('\n').at(-1) ?? ''
      const outcome = res.status === 200 ? last.slice(0, 120) : body.slice(0, 160)
      const sorted = [...latencies].sort((a, b) => a - b)
      console.log(
        `${name}: HTTP ${res.status} after ${seconds.toFixed(1)} s, peak RSS ${peak.toFixed(0)} MB; ` +
          `/api/health ${latencies.length} calls, median ${sorted[sorted.length >> 1]?.toFixed(0)} ms, ` +
          `max ${sorted.at(-1)?.toFixed(0)} ms\n  ${outcome}`,
      )
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
