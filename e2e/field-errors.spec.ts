import { as, expect, readMrz, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

/** ICAO Doc 9303's specimen passport: Utopia (`UTO`) is no state, in the issuing state and in the nationality. */
const SPECIMEN = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
]

async function lines(alert: import('@playwright/test').Locator): Promise<string[]> {
  return alert.getByRole('listitem').allTextContents()
}

test('a specimen MRZ at the counter gives one line per field, naming each, in English and in Khmer', async ({
  browser,
}) => {
  const page = await as(browser, 'officer.poipet')
  await page.goto('/crossings')
  const box = page.getByLabel('Machine-readable zone (MRZ)')
  await box.focus()
  await readMrz(page, SPECIMEN)
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('listitem')).toHaveCount(2)
  const en = await lines(alert)
  expect(en[0]).toMatch(/^Issuing state: /)
  expect(en[1]).toMatch(/^Nationality: /)
  // The reader's box keeps the cursor for the next read: the refusal marks no box of its own.
  await expect(box).toBeFocused()

  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await page.keyboard.press('Escape')
  const km = page.getByLabel(/MRZ/)
  await km.focus()
  await readMrz(page, SPECIMEN)
  await expect(alert.getByRole('listitem')).toHaveCount(2)
  const khmer = await lines(alert)
  expect(khmer[0]).toMatch(/^រដ្ឋចេញឯកសារ: /)
  expect(khmer[1]).toMatch(/^សញ្ជាតិ: /)
  for (const line of [...en, ...khmer]) expect(line).not.toMatch(/issuingState|nationality\b/)
  // The choice became the profile's: give the next flows their English officer back.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test("the returnee referral's refusal names the reason field and puts the cursor in it", async ({
  browser,
}) => {
  const page = await as(browser, 'officer.poipet')
  await page.getByRole('link', { name: 'Register returnees' }).first().click()
  await expect(page.getByLabel('Family name (Latin)')).toBeFocused()
  await page.keyboard.type('Chan')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Dalin')
  await page.getByLabel('Trafficking indicators').check()
  await expect(page.getByLabel('Refer to protection')).toBeChecked()
  const reason = page.getByLabel('Reason for the referral')
  await reason.fill('x')
  await page.getByRole('button', { name: 'Save and next' }).click()

  // The reason box is marked and has the cursor; the banner's line names it, once.
  await expect(reason).toHaveAttribute('aria-invalid', 'true')
  await expect(reason).toBeFocused()
  const items = await page.getByRole('alert').first().getByRole('listitem').allTextContents()
  expect(items.filter((l) => l.startsWith('Reason:'))).toHaveLength(1)
  expect(new Set(items).size).toBe(items.length)
  // Nobody was registered: the refusal changed nothing.
  await expect(page.getByTestId('today').getByRole('row', { name: /Chan Dalin/ })).toHaveCount(0)

  await reason.fill('Held in a scam compound')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('today').getByRole('row', { name: /Chan Dalin/ })).toContainText('Referred')
})
