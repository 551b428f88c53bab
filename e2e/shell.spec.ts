import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

test('an officer signs in, switches to Khmer, sees the Khmer shell and signs out', async ({ page }) => {
  await signIn(page, 'officer.poipet')
  await expect(page.getByRole('heading', { name: 'Welcome, Sok Dara' })).toBeVisible()
  // Officers see only what their role may use.
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(nav.getByRole('link', { name: /Points of entry/ })).toBeVisible()
  await expect(nav.getByRole('link', { name: /Users/ })).toHaveCount(0)

  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await expect(page.getByRole('heading', { name: 'សូមស្វាគមន៍ Sok Dara' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'km')
  await expect(
    page.getByRole('navigation', { name: 'ការរុករកមេ' }).getByRole('link', { name: /ច្រកចេញចូល/ }),
  ).toBeVisible()
  // The shipped Khmer font is the one the browser actually uses for Khmer text.
  const fontLoaded = await page.evaluate(async () => {
    await document.fonts.ready
    return document.fonts.check('16px "Noto Sans Khmer"', 'សួស្តី')
  })
  expect(fontLoaded).toBe(true)

  await page.getByRole('button', { name: 'ចាកចេញ' }).click()
  await expect(page.getByRole('heading', { name: 'ចូលប្រើប្រាស់' })).toBeVisible()

  // The language is remembered for the user: signing in again without choosing one opens the Khmer interface.
  await signIn(page, 'officer.poipet', { language: 'profile' })
  await expect(page.getByRole('heading', { name: 'សូមស្វាគមន៍ Sok Dara' })).toBeVisible()
})

test('a wrong password shows a clear error and no session', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Username').fill('analyst')
  await page.getByLabel('Password', { exact: true }).fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('The username or password is not correct.')
  await expect(page.getByTestId('who')).toHaveCount(0)
})

test('an administrator adds a user, who must then choose a password at first sign-in', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Users/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible()
  await page.getByRole('button', { name: 'Add user' }).click()
  await page.getByLabel('Username').fill('officer.osmach')
  await page.getByLabel('Full name').fill('Pen Sothea')
  await page.getByLabel('Point of entry').selectOption('LAND-OSMACH')
  await page.getByLabel('Temporary password').fill('first temporary words')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('cell', { name: 'officer.osmach' })).toBeVisible()

  const other = await browser.newPage()
  await other.goto('/')
  await other.getByLabel('Username').fill('officer.osmach')
  await other.getByLabel('Password', { exact: true }).fill('first temporary words')
  await other.getByRole('button', { name: 'Sign in' }).click()
  await expect(other.getByRole('heading', { name: 'Change password' })).toBeVisible()
  await other.getByLabel('Current password').fill('first temporary words')
  await other.getByLabel('New password', { exact: true }).fill('my own secret passphrase')
  await other.getByLabel('Repeat the new password').fill('my own secret passphrase')
  await other.getByRole('button', { name: 'Change password' }).click()
  await expect(other.getByRole('heading', { name: 'Welcome, Pen Sothea' })).toBeVisible()

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Audit log/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()
  // Alt+1 always opens Home, whatever else the role may use.
  await page.keyboard.press('Alt+1')
  await expect(page.getByRole('heading', { name: 'Welcome, System Administrator' })).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Audit log/ })
    .click()
  await page.getByRole('button', { name: 'Verify the chain' }).click()
  await expect(page.getByRole('status')).toContainText('The audit log is intact')
})
