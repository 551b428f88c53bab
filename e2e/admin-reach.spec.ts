import type { Page } from '@playwright/test'
import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

const optionValues = (page: Page, label: string) =>
  userForm(page)
    .getByLabel(label, { exact: true })
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))

/** The add/edit form; the list's filters have a Role field too. */
const userForm = (page: Page) => page.locator('form.form-grid')

const openUsers = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Users/ })
    .click()

test('an agency administrator is offered only their own agency and scopes, and no hold on wider accounts', async ({
  page,
  browser,
}) => {
  // A national administrator delegates GDI to an agency administrator.
  await signIn(page, 'admin')
  await openUsers(page)
  await page.getByRole('button', { name: 'Add user' }).click()
  await userForm(page).getByLabel('Username').fill('gdi.delegate')
  await userForm(page).getByLabel('Full name').fill('Sim Rachana')
  await userForm(page).getByLabel('Role', { exact: true }).selectOption('administrator')
  await userForm(page).getByLabel('Agency', { exact: true }).selectOption('GDI')
  await userForm(page).getByLabel('Point of entry').selectOption('')
  await userForm(page).getByLabel('Scope', { exact: true }).selectOption('agency')
  await userForm(page).getByLabel('Temporary password').fill('delegate temporary words')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('cell', { name: 'gdi.delegate' })).toBeVisible()

  const gdi = await browser.newPage()
  await gdi.goto('/')
  await gdi.getByLabel('Username').fill('gdi.delegate')
  await gdi.getByLabel('Password', { exact: true }).fill('delegate temporary words')
  await gdi.getByRole('button', { name: 'Sign in' }).click()
  await gdi.getByLabel('Current password').fill('delegate temporary words')
  await gdi.getByLabel('New password', { exact: true }).fill('delegate own passphrase')
  await gdi.getByLabel('Repeat the new password').fill('delegate own passphrase')
  await gdi.getByRole('button', { name: 'Change password' }).click()
  await expect(gdi.getByTestId('who')).toBeVisible()

  await openUsers(gdi)
  // The national administrator is listed (same agency) but offers no edit, reset or disable.
  const adminRow = gdi.getByRole('row').filter({ has: gdi.getByRole('cell', { name: 'admin', exact: true }) })
  await expect(adminRow).toBeVisible()
  await expect(adminRow.getByRole('button')).toHaveCount(0)
  const officerRow = gdi
    .getByRole('row')
    .filter({ has: gdi.getByRole('cell', { name: 'officer.poipet', exact: true }) })
  await expect(officerRow.getByRole('button', { name: 'Edit' })).toBeVisible()

  await gdi.getByRole('button', { name: 'Add user' }).click()
  expect(await optionValues(gdi, 'Scope')).toEqual(['post', 'agency'])
  expect(await optionValues(gdi, 'Agency')).toEqual(['GDI'])

  // On their own account only the name is open.
  await gdi.getByRole('button', { name: 'Cancel' }).click()
  const ownRow = gdi
    .getByRole('row')
    .filter({ has: gdi.getByRole('cell', { name: 'gdi.delegate', exact: true }) })
  await ownRow.getByRole('button', { name: 'Edit' }).click()
  await expect(userForm(gdi).getByLabel('Scope', { exact: true })).toBeDisabled()
  await expect(userForm(gdi).getByLabel('Role', { exact: true })).toBeDisabled()
  await expect(userForm(gdi).getByLabel('Agency', { exact: true })).toBeDisabled()
})
