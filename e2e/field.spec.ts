import type { Page } from '@playwright/test'
import { E2E_PASSWORD } from '../playwright.config.ts'
import { as, expect, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

const POIPET_CENTRE = '7a0c1d2e-0001-4000-8000-000000000001'

/** Every key the officer presses, counted: the flow's length in keystrokes, never in milliseconds. */
function keyboard(page: Page) {
  let keys = 0
  return {
    get keys() {
      return keys
    },
    async type(text: string) {
      keys += [...text].length
      await page.keyboard.type(text)
    },
    async press(key: string, times = 1) {
      keys += times
      for (let i = 0; i < times; i++) await page.keyboard.press(key)
    },
  }
}

test('a trafficking-flagged returnee is registered and referred by keyboard alone, in Khmer, with the flag and a reason', async ({
  browser,
}) => {
  const page = await as(browser, 'officer.poipet')
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await page.getByRole('link', { name: 'ចុះឈ្មោះអ្នកវិលត្រឡប់' }).first().click()
  await expect(page.getByLabel('នាមត្រកូល (ឡាតាំង)')).toBeFocused()

  const kb = keyboard(page)
  await kb.type('Keo')
  await kb.press('Tab')
  await kb.type('Sophea')
  // Khmer names, sex, born, provinces, districts, phone and photo are left empty: eleven Tabs to the flags.
  await kb.press('Tab', 11)
  await expect(page.getByTestId('flags').getByRole('checkbox').first()).toBeFocused()
  await kb.type('t')
  await expect(page.getByLabel('សញ្ញាណនៃការជួញដូរមនុស្ស')).toBeChecked()
  await expect(page.getByLabel('បញ្ជូនទៅកិច្ចការពារ')).toBeChecked()
  // The referral goes to MoSVY's centre in the post's province unless the officer chooses another.
  await expect(page.getByTestId('referral').getByRole('combobox').first()).toHaveValue(POIPET_CENTRE)
  // The flag group and the needs group are one Tab stop each; then the referral box, then the reason.
  await kb.press('Tab', 3)
  await expect(page.getByLabel('មូលហេតុនៃការបញ្ជូន')).toBeFocused()
  await kb.type('Held in a scam compound')
  await kb.press('Enter')

  await expect(page.getByRole('status').filter({ hasText: 'Keo Sophea' })).toBeVisible()
  const row = page.getByTestId('today').getByRole('row', { name: /Keo Sophea/ })
  await expect(row).toContainText('បានបញ្ជូន')
  // No consent box ticked, no question answered: nothing else was needed. At an officer's 6 keys a second, under
  // 10 s of typing.
  expect(kb.keys).toBeLessThanOrEqual(60)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  // The social worker sees what the border left to them first, and completes it with "Not sure" defaults.
  const worker = await as(browser, 'socialworker')
  await worker
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Referrals/ })
    .click()
  const incoming = worker.getByRole('row', { name: /Keo Sophea/ })
  await expect(incoming).toContainText('Consent not yet asked')
  await expect(incoming).toContainText('Identification to do')
  await incoming.getByRole('button', { name: 'Accept' }).click()
  await incoming.getByRole('link', { name: 'Open the case' }).click()
  await expect(worker.getByTestId('case-todo')).toContainText('Consent not yet asked')

  const identify = worker.getByTestId('identify')
  // Sending it empty names every missing answer in words, marks them, and puts the cursor on the first.
  await identify.getByRole('button', { name: 'Record the identification' }).click()
  const banner = identify.getByRole('alert').first()
  await expect(banner).toContainText(
    'Did a broker, an agent or someone met online arrange the job or the journey?',
  )
  await expect(banner).not.toContainText('actRecruitedByIntermediary')
  await expect(identify.locator('[aria-invalid="true"]').first()).toBeFocused()

  await identify.getByLabel('Age in years, if known').fill('27')
  await identify
    .getByLabel('Was the person deceived about the job, the pay or the conditions?')
    .selectOption('yes')
  await identify.getByTestId('fill-unsure').click()
  await expect(identify.getByLabel('Was the person made to work off a debt?')).toHaveValue('unsure')
  await expect(
    identify.getByLabel('Was the person deceived about the job, the pay or the conditions?'),
  ).toHaveValue('yes')
  await identify.getByRole('button', { name: 'Record the identification' }).click()
  await expect(worker.getByRole('heading', { name: 'Identification screening' })).toBeVisible()
  await expect(worker.getByText('Vulnerable migrant', { exact: true })).toBeVisible()
  await expect(worker.getByTestId('identify')).toHaveCount(0)
})

test('the language chosen on the sign-in page is kept at sign-in and stays the profile’s', async ({
  browser,
}) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/')
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await page.getByLabel('ឈ្មោះអ្នកប្រើ').fill('customs.bavet')
  await page.getByLabel('ពាក្យសម្ងាត់').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'ចូល' }).click()
  await expect(page.getByTestId('who')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'km')
  await context.close()

  // A fresh browser that never saw the choice opens in the profile's language, now Khmer.
  const other = await (await browser.newContext({ locale: 'en-GB' })).newPage()
  await other.goto('/')
  await other.getByLabel(/username|ឈ្មោះអ្នកប្រើ/i).fill('customs.bavet')
  await other.getByLabel(/^password$|^ពាក្យសម្ងាត់$/i).fill(E2E_PASSWORD)
  await other.getByRole('button', { name: /^sign in$|^ចូល$/i }).click()
  await expect(other.getByTestId('who')).toBeVisible()
  await expect(other.locator('html')).toHaveAttribute('lang', 'km')

  // And the other way: English chosen on the sign-in page wins over the stored Khmer.
  await other.getByRole('button', { name: /ចាកចេញ|Sign out/ }).click()
  await expect(other.getByLabel('ឈ្មោះអ្នកប្រើ')).toBeVisible()
  await other.getByRole('button', { name: 'English' }).click()
  await other.getByLabel('Username').fill('customs.bavet')
  await other.getByLabel('Password').fill(E2E_PASSWORD)
  await other.getByRole('button', { name: 'Sign in' }).click()
  await expect(other.getByTestId('who')).toBeVisible()
  await expect(other.locator('html')).toHaveAttribute('lang', 'en')
})

test('every shortcut the menu shows opens its screen, and none needs two digits', async ({ browser }) => {
  const page = await as(browser, 'chief.poipet')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const shown = await nav.getByRole('link').evaluateAll((links) =>
    links.flatMap((a) => {
      const key = a.querySelector('kbd')?.textContent
      return key ? [{ key, href: a.getAttribute('href') ?? '' }] : []
    }),
  )
  expect(shown.length).toBeGreaterThan(1)
  for (const { key, href } of shown) {
    // Alt+10 cannot be typed: a shown shortcut is Alt and one digit.
    expect(key).toMatch(/^Alt\+[1-9]$/)
    await page.keyboard.press(key)
    await expect(page).toHaveURL((url) => url.pathname === href)
  }
})
