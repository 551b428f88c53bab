#!/usr/bin/env node
// `npm test`: the unit and API suite (Vitest, PGlite always, PostgreSQL too when TEST_DATABASE_URL is set),
// then the end-to-end suite (Playwright driving Debian's Chromium). Ends with one summary line.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const bin = (name) => join('node_modules', '.bin', name)
const vitestJson = join(tmpdir(), `passage-vitest-${process.pid}.json`)

const vitest = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  { stdio: 'inherit' },
)
let passed = 0
let failed = 0
let skipped = 0
try {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  skipped += r.numPendingTests + r.numTodoTests
  rmSync(vitestJson, { force: true })
} catch {
  failed += 1
}

const e2eJson = join(tmpdir(), `passage-e2e-${process.pid}.json`)
const e2e = spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
})
try {
  const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats
  passed += s.expected
  failed += s.unexpected + s.flaky
  skipped += s.skipped
  rmSync(e2eJson, { force: true })
} catch {
  failed += 1
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(vitest.status === 0 && e2e.status === 0 && failed === 0 ? 0 : 1)
