/**
 * Web bench: what an officer at the counter feels. Debian's Chromium drives the real inspection screen, served by
 * an in-process Passage on an on-disk PGlite seeded as a demo database (demo users, synthetic traffic and the demo
 * day). The figure is the time from the reader's last keystroke (the Enter ending the MRZ's last line) until the
 * traveller's name heads the result, 95th percentile; beside it, in the same run, the inspection API call alone
 * (the same request from Node, no browser). `BENCH_WEB_READS` (default 40) and `BENCH_WEB_TRAFFIC` (default 5,000
 * synthetic crossings) tune it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { chromium } from '@playwright/test'
import { seed } from '../src/app/seed.ts'
import { ensureWebBuilt } from '../src/cli/web-build.ts'
import { loadConfig } from '../src/platform/config/config.ts'
import { openStore } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { sessionPolicyFrom } from '../src/platform/http/context.ts'
import { buildServer } from '../src/platform/http/server.ts'
import { signIn, travellerMrz } from './lib/crossings-load.ts'
import { generator } from './lib/screening-synthetic.ts'
import { percentile } from './lib/stats.ts'
import type { BenchArea, Figure } from './lib/types.ts'

const READS = Number(process.env.BENCH_WEB_READS ?? 40)
const TRAFFIC = Number(process.env.BENCH_WEB_TRAFFIC ?? 5_000)
const PASSWORD = 'bench-password-for-demo-users'
const CHROMIUM = '/usr/bin/chromium'
/**
 * Run in the page before the last Enter (a string: the bench compiles without the DOM's types): notes the Enter's
 * keydown and the moment the traveller's name enters the DOM, so the page's own share is measured without the
 * driver's round trips.
 */
const WATCH_ENTER_TO_NAME = `(() => {
  window.benchEnter = undefined
  window.benchTitle = undefined
  window.addEventListener('keydown', () => { window.benchEnter ??= performance.now() }, { capture: true, once: true })
  const seen = new MutationObserver(() => {
    if (!document.getElementById('traveller-title')) return
    window.benchTitle = performance.now()
    seen.disconnect()
  })
  seen.observe(document.body, { childList: true, subtree: true })
})()`
const silent = new Writable({ write: (_c, _e, done) => done() })

const area: BenchArea = {
  area: 'web',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'passage-bench-web-'))
    const store = await openStore({ dataDir: join(dir, 'db') })
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu'],
    })
    try {
      await migrateToLatest(store.db as never)
      ctx.log(`seeding a demo database with ${TRAFFIC} synthetic crossings …`)
      await seed({ db: store.db, demo: true, demoPassword: PASSWORD, demoTraffic: TRAFFIC })
      await ensureWebBuilt(silent)
      const config = loadConfig({
        AUDIT_KEY_FILE: join(dir, 'key', 'checkpoint-signing.pem'),
        AUDIT_CHECKPOINT_DIR: join(dir, 'checkpoints'),
        RATE_LIMIT_PER_MINUTE: '100000',
      })
      const app = await buildServer({
        ctx: { store, config, sessionPolicy: sessionPolicyFrom(config) },
        web: true,
      })
      const base = await app.listen({ port: 0, host: '127.0.0.1' })
      const g = generator(16)
      const run = 'W'

      // The API call alone: the same inspection request, from Node, one at a time.
      const session = await signIn(base, 'officer.poipet', PASSWORD)
      const api: number[] = []
      for (let n = 0; n < READS; n++) {
        const body = JSON.stringify({ text: travellerMrz(g, n, `${run}A`) })
        const started = performance.now()
        const res = await fetch(`${base}/api/crossings/inspect`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
          },
          body,
        })
        await res.arrayBuffer()
        if (res.status !== 200) throw new Error(`inspect answered ${res.status}`)
        api.push(performance.now() - started)
      }

      // The screen: the reader types the MRZ into the focused box; the clock runs from the last Enter to the name.
      const page = await (await browser.newContext({ locale: 'en-GB' })).newPage()
      await page.goto(base)
      await page.getByLabel('Username').fill('officer.poipet')
      await page.getByLabel('Password').fill(PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.getByTestId('who').waitFor()
      const screen: number[] = []
      const inBrowser: number[] = []
      const inPage: number[] = []
      for (let n = 0; n < READS; n++) {
        await page.goto(`${base}/crossings`)
        const box = page.getByLabel('Machine-readable zone (MRZ)')
        await box.waitFor()
        await box.focus()
        const lines = travellerMrz(g, n, `${run}S`).split('\n')
        for (const line of lines.slice(0, -1)) {
          await page.keyboard.insertText(line)
          await page.keyboard.press('Enter')
        }
        await page.keyboard.insertText(lines.at(-1)!)
        // Inside the page, without the driver's round trips: from the Enter's keydown to the name in the DOM.
        await page.evaluate(WATCH_ENTER_TO_NAME)
        const started = performance.now()
        await page.keyboard.press('Enter')
        await page.locator('#traveller-title').waitFor()
        screen.push(performance.now() - started)
        inPage.push(await page.evaluate<number>('window.benchTitle - window.benchEnter'))
        // Where the time went: the browser's own timing of the inspection request (queueing to last byte).
        const request = await page.evaluate(() => {
          const entries = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/inspect'))
          return entries.at(-1)?.duration ?? Number.NaN
        })
        inBrowser.push(request)
      }
      await app.close()
      ctx.log(
        `screen p50 ${percentile(screen, 50).toFixed(1)} ms (of which the inspection request in the browser ` +
          `p50 ${percentile(inBrowser, 50).toFixed(1)} ms), API p50 ${percentile(api, 50).toFixed(1)} ms; ` +
          `screen p95 ${percentile(screen, 95).toFixed(1)} ms, request in the browser p95 ` +
          `${percentile(inBrowser, 95).toFixed(1)} ms; Enter to name inside the page (no driver round trips) ` +
          `p50 ${percentile(inPage, 50).toFixed(1)} ms, p95 ${percentile(inPage, 95).toFixed(1)} ms`,
      )
      const figure: Figure = {
        area: 'web',
        name: 'inspect-read-to-result-p95',
        unit: 'ms',
        value: percentile(screen, 95),
        baseline: 'the inspection API call alone, p95',
        baselineValue: percentile(api, 95),
        better: 'lower',
      }
      return [figure]
    } finally {
      await browser.close()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default area
