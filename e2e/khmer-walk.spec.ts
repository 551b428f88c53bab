import type { Page } from '@playwright/test'
import { DEMO_USERS } from '../src/app/identity/seed-demo-users.ts'
import { generateMrz } from '../src/domain/documents/index.ts'
import { admitThroughApi, apiFrom, as, expect, readMrz, requireChromium, signIn, test } from './fixtures.ts'

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
  // Cambodia's data exchange platform, the protocol it runs and the header its security servers send, named as
  // their operators name them.
  'CamDX',
  'X-Road',
  'X-Road-Client',
  ...DEMO_USERS.flatMap((u) => u.displayName.split(' ')),
  // Travellers and returnees the other flows create, as typed in Latin letters.
  ...[
    'Chan',
    'Sreypov',
    'Keo',
    'Sophea',
    'Kim',
    'Dara',
    'Ouch',
    'Sokha',
    'Mao',
    'Sreyneang',
    'Prak',
    'Vuthy',
  ],
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
      if (!el || el.closest('[lang]:not([lang="km"]), script, style, code, kbd, textarea, [translate="no"]'))
        continue
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

/** The points of entry's codes (LAND-POIPET): in capitals like a typed code, but a screen names the post instead. */
let postCodes: Promise<Set<string>> | undefined
function rawPostCodes(page: Page): Promise<Set<string>> {
  postCodes ??= apiFrom(page, 'GET', '/api/posts').then(
    (r) => new Set((r.json as { code: string }[]).map((p) => p.code)),
  )
  return postCodes
}

/**
 * Numbers in Latin digits standing alone (`27`, `1990-08-14`, `08:30`): the Khmer interface prints every digit in
 * Khmer, so a screen never mixes the two. Digits inside a code (`A3`, `N05520417`) belong to the code.
 */
function latinNumbers(text: string): string[] {
  const numbers = text.matchAll(/(?<![\p{L}\p{N}_.-])[0-9][0-9.,:/-]*(?![\p{L}\p{N}_])/gu)
  // With the words before it, so a report says where on the screen the number stands.
  return [...numbers].map((m) => `${m[0]} (…${text.slice(Math.max(0, m.index - 24), m.index).trim()})`)
}

/** Reads the screen as it stands, once its loading lines are gone, and notes any stray Latin, post code or digit. */
async function checkScreen(page: Page, found: string[], label: string): Promise<void> {
  await expect(page.locator('main h1').first()).toBeVisible()
  // Wait until every loading line is gone, so the data is on screen too.
  await expect(page.getByText('កំពុងផ្ទុក')).toHaveCount(0)
  const codes = await rawPostCodes(page)
  const read = async () => {
    const text = await visibleText(page)
    const words = text.match(/[A-Za-z][A-Za-z0-9_'’-]*/g) ?? []
    return [
      ...strayLatin(text),
      ...words.filter((w) => codes.has(w)),
      ...latinNumbers(text).map((n) => `digits ${n}`),
    ]
  }
  // A post's name replaces its code once the shared list of posts arrives: read again until the screen settles.
  let stray = await read()
  await expect
    .poll(async () => (stray = await read()), { timeout: 3_000 })
    .toEqual([])
    .catch(() => undefined)
  if (stray.length) found.push(`${label}: ${[...new Set(stray)].join(', ')}`)
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
      await checkScreen(page, found, path)
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

const POIPET_CENTRE = '7a0c1d2e-0001-4000-8000-000000000001'
const passport = generateMrz({
  format: 'TD3',
  documentCode: 'P',
  issuingState: 'KHM',
  documentNumber: 'N05520417',
  nationality: 'KHM',
  surname: 'Prak',
  givenNames: 'Vuthy',
  birthDate: '1990-08-14',
  sex: 'M',
  expiryDate: '2034-03-31',
}).lines

/** Creates through the API what the record pages show: a crossing, a referred returnee, a listed person's hit. */
async function recordsToShow(officer: Page, investigator: Page, customs: Page): Promise<void> {
  await admitThroughApi(officer, passport, 'A3')
  const returnee = await apiFrom(officer, 'POST', '/api/returns', {
    returnee: {
      familyLatin: 'Ouch',
      givenLatin: 'Sokha',
      sex: 'F',
      birthDate: '1999-05-02',
      returnType: 'spontaneous',
      triageFlags: ['trafficking_indicators'],
      needs: ['shelter'],
    },
    referral: { providerId: POIPET_CENTRE, services: ['shelter'], note: 'បានជាប់ក្នុងមជ្ឈមណ្ឌលបោកប្រាស់' },
  })
  expect(returnee.status).toBe(201)
  // A person on a police list, screened at Bavet by customs: the hit waits in the police's queue (not Poipet's, whose
  // queue another flow counts).
  const list = await apiFrom(investigator, 'POST', '/api/watchlists', {
    name: 'បញ្ជីជនសង្ស័យ (ការដើរ)',
    ownerAgency: 'NPC',
    kind: 'persons',
    reason: 'ការសាកល្បង',
  })
  expect(list.status).toBe(201)
  const entry = await apiFrom(investigator, 'POST', `/api/watchlists/${list.json.id}/persons`, {
    reason: 'ការសាកល្បង',
    entry: {
      names: ['MAO SREYNEANG'],
      birthDate: '1991-03-09',
      category: 'suspected_trafficker',
      handling: 'បញ្ជូនទៅការត្រួតពិនិត្យបន្ទាប់បន្សំ',
    },
  })
  expect(entry.status).toBe(201)
  const screened = await apiFrom(customs, 'POST', '/api/screening/screen', {
    person: { name: 'MAO SREYNEANG', birthDate: '1991-03-09' },
  })
  expect(screened.status).toBe(201)
  expect(screened.json.hits.length).toBeGreaterThan(0)
}

async function inKhmer(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'km')
}

/**
 * The seven kinds of record page a menu does not list — a returnee, a traveller's crossing history, a document
 * examination, a screening hit to adjudicate, a user, a statistics view, a referral — each opened in Khmer on a
 * record this flow created, and read like the menu's screens.
 */
test('every kind of record page reads in Khmer', async ({ browser }) => {
  test.setTimeout(180_000)
  const [officer, investigator, customs] = [
    await as(browser, 'officer.poipet'),
    await as(browser, 'investigator'),
    await as(browser, 'customs.bavet'),
  ]
  await recordsToShow(officer, investigator, customs)
  const found: string[] = []
  const seen: string[] = []

  await inKhmer(officer)
  await officer.goto('/returns')
  await officer
    .getByTestId('today')
    .getByRole('row', { name: /Ouch Sokha/ })
    .getByRole('button')
    .click()
  await expect(officer.getByLabel('នាមត្រកូល (ឡាតាំង)')).toHaveValue('Ouch')
  await checkScreen(officer, found, 'returnee')
  seen.push('returnee')

  await officer.goto('/crossings')
  await officer.locator('main textarea, main input').first().focus()
  await readMrz(officer, passport)
  await expect(officer.getByTestId('crossing-history').getByRole('row')).not.toHaveCount(1)
  await checkScreen(officer, found, 'crossing history')
  seen.push('crossing history')

  await officer.goto('/documents')
  await expect(officer.locator('main textarea, main input').first()).toBeFocused()
  await readMrz(officer, passport)
  await expect(officer.getByRole('heading', { name: 'ការត្រួតពិនិត្យឯកសារ' })).toBeVisible()
  await checkScreen(officer, found, 'document examination')
  seen.push('document examination')

  await inKhmer(investigator)
  await investigator.goto('/screening/hits')
  await expect(investigator.getByRole('article').filter({ hasText: 'MAO SREYNEANG' })).toBeVisible()
  await checkScreen(investigator, found, 'screening hit')
  seen.push('screening hit')

  const worker = await as(browser, 'socialworker')
  await inKhmer(worker)
  await worker.goto('/protection/referrals')
  const referral = worker.getByRole('row', { name: /Ouch Sokha/ })
  await referral.getByRole('button', { name: 'បដិសេធ' }).click()
  await checkScreen(worker, found, 'referral')
  seen.push('referral')

  const admin = await as(browser, 'admin')
  await inKhmer(admin)
  await admin.goto('/users')
  await admin
    .getByRole('row', { name: /officer\.poipet/ })
    .getByRole('button')
    .first()
    .click()
  await expect(admin.getByRole('dialog').or(admin.locator('main form')).first()).toBeVisible()
  await checkScreen(admin, found, 'user')
  seen.push('user')

  const analyst = await as(browser, 'analyst')
  await inKhmer(analyst)
  for (const view of ['post&post=LAND-POIPET', 'returns', 'protection']) {
    await analyst.goto(`/statistics?view=${view}`)
    await checkScreen(analyst, found, `statistics ${view}`)
  }
  seen.push('statistics')

  for (const page of [officer, investigator, worker, admin, analyst])
    await page.getByRole('button', { name: 'English' }).click()
  expect(seen).toHaveLength(7)
  expect(found).toEqual([])
})
