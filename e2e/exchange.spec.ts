import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

test('on the Cambodian side in Khmer, a social worker records a handover Thailand agreed', async ({
  page,
}) => {
  await signIn(page, 'socialworker')
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await page.getByRole('link', { name: 'ការផ្លាស់ប្តូរព័ត៌មាន' }).first().click()
  await expect(page.getByRole('heading', { name: 'ការផ្លាស់ប្តូរព័ត៌មានជាមួយដៃគូ', level: 1 })).toBeVisible()
  const arrivals = page.getByTestId('arrivals')
  await expect(arrivals.getByRole('heading', { name: 'ការមកដល់ដែលរំពឹងទុកថ្ងៃនេះ' })).toBeVisible()
  const row = arrivals.getByRole('row', { name: /Chanthy Ros/ })
  await expect(row).toContainText('LAND-POIPET')
  await row.getByRole('button', { name: 'កត់ត្រាការប្រគល់' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'បានកត់ត្រាការប្រគល់ ករណីការពារមួយត្រូវបានបើក។' }),
  ).toBeVisible()
  await expect(arrivals.getByRole('row', { name: /Chanthy Ros/ })).toContainText('បានប្រគល់')
})

test('a case manager refers a person to Thailand in Khmer, seeing what the agreement withholds before sending', async ({
  page,
}) => {
  await signIn(page, 'casemanager')
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await page.getByRole('link', { name: 'ការផ្លាស់ប្តូរព័ត៌មាន' }).first().click()
  const compose = page.getByTestId('compose')
  await expect(compose.getByRole('heading', { name: 'ស្នើសុំការធ្វើមាតុភូមិនិវត្តន៍ពីដៃគូ' })).toBeVisible()
  await compose.getByLabel('កិច្ចព្រមព្រៀង').selectOption('KH-TH-MOU-2003')
  await compose.getByLabel('លេខយោងនៃការធ្វើមាតុភូមិនិវត្តន៍').fill('KH-E2E-0001')
  await compose.getByLabel('នាមខ្លួន (អក្សរឡាតាំង)').fill('Dara')
  await compose.getByLabel('នាមត្រកូល (អក្សរឡាតាំង)').fill('Sok')
  await compose.getByLabel('នាមខ្លួន (អក្សរផ្ទាល់)').pressSequentially('ដារា')
  await compose.getByLabel('ថ្ងៃខែឆ្នាំកំណើត (YYYY-MM-DD)').fill('1995-04-02')
  await compose.getByLabel('ទូរស័ព្ទដៃ').fill('+85512345678')
  await compose.getByLabel('បុគ្គលនេះយល់ព្រមឱ្យចែករំលែកទិន្នន័យរបស់ខ្លួន').check()
  await compose.getByRole('button', { name: 'ពិនិត្យអ្វីដែលនឹងត្រូវផ្ញើ' }).click()

  // The phone stays in Cambodia: the Cambodia–Thailand agreement does not let it travel.
  const preview = page.getByTestId('preview')
  await expect(preview.locator('li[data-field="prs_FirstName"]')).toHaveText('នាមខ្លួន (អក្សរឡាតាំង)')
  await expect(preview.locator('ul.withheld li[data-field="prs_MobilePhone"]')).toHaveText('ទូរស័ព្ទដៃ')
  await expect(preview.locator('ul.withheld li[data-field="prs_FirstName"]')).toHaveCount(0)
  await compose.getByRole('button', { name: 'ផ្ញើ', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'បានដាក់ក្នុងជួរសម្រាប់បញ្ជូន' })).toBeVisible()

  await page.reload()
  const outbox = page.getByTestId('messages-out')
  await expect(outbox.getByRole('row', { name: /KH-E2E-0001/ })).toContainText('កំពុងរង់ចាំការបញ្ជូន')
  await expect(outbox.getByRole('row', { name: /KH-E2E-0001/ })).toContainText('ការបញ្ជូនជនរងគ្រោះ')
})
