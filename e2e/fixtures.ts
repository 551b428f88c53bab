import { existsSync } from 'node:fs'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { CHROMIUM, E2E_PASSWORD } from '../playwright.config.ts'

/** Skips (outside CI) or fails (in CI) when Debian's Chromium is not installed. */
export function requireChromium(): void {
  const missing = !existsSync(CHROMIUM)
  if (missing && process.env.CI) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`)
  test.skip(missing, `${CHROMIUM} not found — install it with: apt-get install chromium`)
}

export async function signIn(
  page: Page,
  username: string,
  o: { password?: string; language?: 'en' | 'profile' } = {},
): Promise<void> {
  await page.goto('/')
  // Every flow starts in English, whatever language an earlier flow left in the profile: a language chosen on the
  // sign-in page is kept at sign-in.
  if (o.language !== 'profile') await page.getByRole('button', { name: 'English' }).click()
  await page.getByLabel(/username|ឈ្មោះអ្នកប្រើ/i).fill(username)
  await page.getByLabel(/^password$|^ពាក្យសម្ងាត់$/i).fill(o.password ?? E2E_PASSWORD)
  await page.getByRole('button', { name: /^sign in$|^ចូល$/i }).click()
  await expect(page.getByTestId('who')).toBeVisible()
}

/** A user signed in on a page of their own browser context, as a second person at another desk would be. */
export async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, username)
  return page
}

/** Calls the API from the signed-in page, as the web app does (session cookie and CSRF token). */
export function apiFrom(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([m, p, b]) => {
      const session = await (await fetch('/api/auth/session')).json()
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: b === undefined ? undefined : JSON.stringify(b),
      })
      return { status: res.status, json: await res.json() }
    },
    [method, path, body],
  )
}

/** Inspects a passport and admits the entry through the API, as another officer would at their counter. */
export async function admitThroughApi(page: Page, lines: readonly string[], counter: string): Promise<void> {
  const inspection = await apiFrom(page, 'POST', '/api/crossings/inspect', { text: lines.join('\n') })
  expect(inspection.status).toBe(200)
  const i = inspection.json
  const recorded = await apiFrom(page, 'POST', '/api/crossings', {
    documentId: i.document.id,
    counter,
    direction: 'entry',
    decision: 'admit',
    riskEvaluationId: i.risk.id,
    screeningRequestId: i.screening.requestId,
  })
  expect(recorded.status).toBe(201)
}

/** A passport reader at the counter: each MRZ line typed into the focused box at once, ended by Enter. */
export async function readMrz(page: Page, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    await page.keyboard.insertText(line)
    await page.keyboard.press('Enter')
  }
}

export { expect, test }
