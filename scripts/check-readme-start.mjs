#!/usr/bin/env node
// CI: runs README's start command exactly as written (its first ```sh block, so changing the README is what gets
// tested), as a newcomer would on a fresh machine: from the repository root, with a PATH of only the system's
// directories and Node's own (a globally installed or linked `passage` would hide a broken `npm start`), a fresh
// DATA_DIR and a free port. Waits (bounded) until GET /api/health and GET / both answer 200, then stops the whole
// process group. Any failure exits 1 with the command's output.
//
// Environment: CHECK_START_TIMEOUT_S (default 900: `npm ci`, the first web build and the demo seeding included),
// CHECK_START_DEMO_TRAFFIC (default 500 synthetic crossings, to keep CI short).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const timeoutMs = Number(process.env.CHECK_START_TIMEOUT_S ?? 900) * 1000
const demoTraffic = process.env.CHECK_START_DEMO_TRAFFIC ?? '500'

function fail(message, output = '') {
  console.error(`\n✗ README start check FAILED: ${message}`)
  if (output)
    console.error(
      `--- output of the start command (last 80 lines) ---\n${output.split('\n').slice(-80).join('\n')}`,
    )
  process.exit(1)
}

/** The first ```sh block of the README: its non-empty, non-comment lines joined as one shell script. */
function readmeStartCommand(readme) {
  const block = /^```sh\n([\s\S]*?)^```/m.exec(readme)
  if (!block) return undefined
  const lines = block[1].split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))
  return lines.join('\n') || undefined
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })

const command = readmeStartCommand(readFileSync('README.md', 'utf8'))
if (!command) fail('README.md has no ```sh block')

// Only the system's directories and the one holding this `node` (and npm beside it).
const PATH = [
  dirname(process.execPath),
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
]
  .filter((d, i, all) => all.indexOf(d) === i)
  .join(':')
const found = spawnSync('sh', ['-c', 'command -v passage'], { env: { PATH }, encoding: 'utf8' })
if (found.status === 0) {
  fail(
    `a global \`passage\` is on the PATH (${found.stdout.trim()}): it would hide a broken start; remove it (npm ls -g)`,
  )
}

const dataDir = mkdtempSync(join(tmpdir(), 'passage-readme-start-'))
const port = await freePort()
const env = {
  PATH,
  HOME: process.env.HOME ?? tmpdir(),
  LANG: 'C.UTF-8',
  DATA_DIR: dataDir,
  PORT: String(port),
  HOST: '127.0.0.1',
  DEMO_TRAFFIC: demoTraffic,
}
console.log(`== README start command, PATH=${PATH}, DATA_DIR=${dataDir}, PORT=${port}:\n${command}`)

// Its own process group, so stopping it stops npm, the shell and Passage together.
const child = spawn('sh', ['-c', command], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
let output = ''
const keep = (chunk) => {
  output += chunk
  if (output.length > 2_000_000) output = output.slice(-1_000_000)
}
child.stdout.on('data', keep)
child.stderr.on('data', keep)
let exited = null
const exit = new Promise((resolve) =>
  child.once('exit', (code, signal) => {
    exited = { code, signal }
    resolve(exited)
  }),
)

async function status(path) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(10_000) })
    const body = await res.text()
    return { status: res.status, body }
  } catch {
    return { status: 0, body: '' }
  }
}

/** True while any process of the command's group (sh, npm, node) is alive. */
function groupAlive() {
  try {
    process.kill(-child.pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Stops the whole group and waits until every process of it is gone: `sh` exits at once on SIGTERM while Passage
 * itself is still shutting down (closing its database, signing its last audit checkpoint in DATA_DIR).
 */
async function stop() {
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {}
  const deadline = Date.now() + 30_000
  while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
  if (groupAlive()) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {}
    while (groupAlive()) await new Promise((r) => setTimeout(r, 200))
  }
  if (!exited) await exit
}

let problem
try {
  const deadline = Date.now() + timeoutMs
  let health
  let root
  for (;;) {
    if (exited) {
      problem = `the command ended (${exited.code ?? exited.signal}) before answering`
      break
    }
    if (Date.now() > deadline) {
      problem = `no 200 from /api/health and / within ${timeoutMs / 1000} s (last: ${health?.status}, ${root?.status})`
      break
    }
    health = await status('/api/health')
    if (health.status === 200) {
      root = await status('/')
      if (root.status === 200 && /<div id="root"|<html/i.test(root.body)) break
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  if (!problem) console.log(`== /api/health → ${health.body.trim()}; / → 200 (the web app)`)
} finally {
  await stop()
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
}
if (problem) fail(problem, output)
if (!/Passage is running at/.test(output)) fail('the start banner was not printed', output)
console.log('✓ README start command works on this checkout')
