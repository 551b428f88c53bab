import type { Page } from '@playwright/test'
import { DEMO_USERS } from '../src/app/identity/seed-demo-users.ts'
import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

/**
 * Latin-script text a Khmer screen may show: people's names (the demo accounts', and travellers' as their
 * documents print them, in capitals), the product's name, codes an officer types or reads off a document (in
 * capitals: agency and country codes, MRZ names) and the keys of the keyboard. Everything else in Latin letters —
 * an English word, a raw code such as `trafficking_indicators`, an internal id such as `appearsUnder18`, a US
 * month name — is a gap in the Khmer interface.
 */
const PROPER_NAMES = new Set([
  'Passage',
  ...DEMO_USERS.flatMap((u) => u.displayName.split(' ')),
  // Travellers and returnees the other flows create, as typed in Latin letters.
  ...['Chan', 'Sreypov', 'Keo', 'Sophea', 'Kim', 'Dara', 'Ouch', 'Sokha'],
])
const KEYS = new Set(['Alt', 'Enter', 'Tab', 'Esc', 'Escape', 'Shift', 'Space'])
// Printing terms the Khmer wording keeps in brackets after its own words, as document examiners say them.
const TERMS = new Set(['intaglio'])

function strayLatin(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z0-9_'’-]*/g) ?? []
  return words.filter((w) => {
    if (PROPER_NAMES.has(w) || KEYS.has(w) || TERMS.has(w)) return false
    // Codes and names in capitals (GDI, KHM, MoSVY's HTCDS, DARA); a single letter is a chip's typed key.
    if (/^[A-Z0-9_-]+$/.test(w) && !w.includes('_')) return false
    return true
  })
}

/** The visible text of the screen, without what is marked as another language or typed by the user. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || el.closest('[lang]:not([lang="km"]), script, style, code, kbd, [translate="no"]')) continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      out.push(n.textContent ?? '')
    }
    return out.join(' ')
  })
}

/**
 * The first link in the page's main region to a screen the menu does not list: a record's own page
 * (`/protection/case?id=…`, `/risk/rule-set?id=…`) or a screen reached only from this one.
 */
async function firstDetailLink(page: Page, menu: string[]): Promise<string | undefined> {
  const hrefs = await page
    .locator('main a[href^="/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
  // `/api/…` links are downloads (an export), not screens.
  return hrefs.find((h) => h !== '/' && !h.startsWith('/api/') && !menu.includes(h))
}

const ROLES = ['officer.poipet', 'chief.poipet', 'socialworker', 'casemanager', 'analyst', 'admin']

for (const username of ROLES) {
  test(`every screen of ${username} reads in Khmer`, async ({ page }) => {
    test.setTimeout(180_000)
    await signIn(page, username)
    await page.getByRole('button', { name: 'ខ្មែរ' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'km')
    const links = page.getByRole('navigation').first().getByRole('link')
    const paths = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '/'))
    const found: string[] = []
    const check = async (path: string) => {
      await page.goto(path)
      await expect(page.locator('main h1').first()).toBeVisible()
      // Wait until every loading line is gone, so the data is on screen too.
      await expect(page.getByText('កំពុងផ្ទុក')).toHaveCount(0)
      const stray = [...new Set(strayLatin(await visibleText(page)))]
      if (stray.length) found.push(`${path}: ${stray.join(', ')}`)
    }
    const details: string[] = []
    for (const path of paths) {
      await check(path)
      // The first record the screen links to (a case, a returnee, a crossing, an examination, a hit, a user, a
      // report): detail pages are screens too.
      const detail = await firstDetailLink(page, paths)
      if (detail && !details.includes(detail)) details.push(detail)
    }
    for (const path of details) await check(path)
    test.info().annotations.push({ type: 'detail pages', description: details.join(' ') || 'none' })
    console.log(`${username}: detail pages walked: ${details.join(' ') || 'none'}`)
    // Leave the account in English for the flows that follow.
    await page.getByRole('button', { name: 'English' }).click()
    expect(found).toEqual([])
  })
}
