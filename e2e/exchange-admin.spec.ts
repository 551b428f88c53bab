import { randomBytes } from 'node:crypto'
import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

test('in Khmer, a case manager answers a Lao nationality verification list, person by person', async ({
  page,
}) => {
  await signIn(page, 'casemanager')
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await page.goto('/exchange')
  const card = page.getByTestId('verification-lists')
  await expect(card.getByRole('heading', { name: 'បញ្ជីផ្ទៀងផ្ទាត់សញ្ជាតិ' })).toBeVisible()
  // From the keyboard: the list's button, then each person's answer.
  const open = card.getByRole('button', { name: /^ឆ្លើយបញ្ជីដែលទទួលបាននៅ/ }).first()
  await open.focus()
  await page.keyboard.press('Enter')
  const form = card.getByTestId('verification-answer')
  await expect(form.getByRole('heading', { name: 'LA-NV-DEMO-001' })).toBeVisible()
  // Nothing chosen: a clear message in Khmer, nothing sent.
  await form.getByRole('button', { name: 'ចុះហត្ថលេខា និងផ្ញើចម្លើយ' }).click()
  await expect(form.getByText('សូមជ្រើសរើសចម្លើយសម្រាប់យ៉ាងហោចណាស់មនុស្សម្នាក់។')).toBeVisible()
  await expect(form.locator('tr[data-row="1"]')).toContainText('ដារ៉ា')
  await form.getByLabel(/Dara Sok/).selectOption('verified')
  await form.getByLabel(/Chenda Keo/).selectOption('needs_interview')
  await form.getByLabel('ការិយាល័យផ្ទៀងផ្ទាត់').fill('Battambang immigration office')
  await form.getByRole('button', { name: 'ចុះហត្ថលេខា និងផ្ញើចម្លើយ' }).click()
  await expect(form.getByRole('status')).toContainText('ចម្លើយត្រូវបានចុះហត្ថលេខា')
  // Each answer is now on its row, in Khmer; the third person is still unanswered.
  await expect(form.locator('tr[data-row="1"]')).toContainText('បានឆ្លើយ៖ បានផ្ទៀងផ្ទាត់')
  await expect(form.locator('tr[data-row="2"]')).toContainText('បានឆ្លើយ៖ ត្រូវការសម្ភាសន៍')
  await expect(form.locator('tr[data-row="3"] [data-testid="previous-answer"]')).toHaveCount(0)
  // The answer went out, signed, in the outbox (read afresh).
  await page.reload()
  await expect(page.getByTestId('messages-out').locator('tbody tr').first()).toContainText('LA-MLSW')
})

test('an administrator reviews authorities and keys, refuses a plain-HTTP endpoint, and allows a CamDX client', async ({
  page,
}) => {
  await signIn(page, 'admin')
  await page.getByRole('link', { name: 'Exchange partners and counts' }).first().click()
  await expect(page).toHaveURL(/\/exchange\/admin$/)
  await expect(page.getByTestId('exchange-counts').getByRole('heading', { level: 2 })).toContainText(
    'GCM objective 23',
  )

  const thai = page.locator('[data-authority="TH-MSDHS"]')
  await expect(thai).toContainText('Ministry of Social Development and Human Security')
  await expect(thai.locator('dd[lang="km"]')).toHaveText(/[\u1780-\u17FF]/)
  await expect(thai.locator('tr[data-state="active"]').first()).toContainText('Active')
  // Keys are shown by id and state; no key material reaches the page.
  await expect(page.getByTestId('authorities')).not.toContainText('"d"')
  await expect(page.getByTestId('authorities')).not.toContainText('"x"')

  await thai.getByRole('button', { name: 'Change the endpoint of TH-MSDHS' }).click()
  const endpoint = thai.getByLabel('Inbox endpoint')
  await endpoint.fill('http://passage.msdhs.example/api/exchange/inbox')
  await thai.getByRole('button', { name: 'Save the endpoint' }).click()
  await expect(endpoint).toHaveAttribute('aria-invalid', 'true')
  await expect(endpoint).toBeFocused()
  await expect(thai.getByRole('alert').first()).toBeVisible()
  await endpoint.fill('https://passage.msdhs.example/api/exchange/inbox')
  await thai.getByRole('button', { name: 'Save the endpoint' }).click()
  await expect(thai.getByTestId('endpoint')).toHaveText('https://passage.msdhs.example/api/exchange/inbox')

  const xroad = page.getByTestId('xroad-clients')
  await expect(xroad).toContainText('not published on X-Road here')
  const client = xroad.getByLabel('Client subsystem')
  await client.fill('CAMDX/GOV')
  await xroad.getByLabel('Agency').selectOption('MOSVY')
  await xroad.getByLabel('Acts as').selectOption('case_manager')
  await xroad.getByRole('button', { name: 'Save the client' }).click()
  await expect(client).toHaveAttribute('aria-invalid', 'true')
  await expect(xroad.locator('.field-error').first()).toContainText('INSTANCE/CLASS/MEMBER')
  const id = `CAMDX/GOV/MOSVY/CASES-${randomBytes(3).toString('hex').toUpperCase()}`
  await client.fill(id)
  await xroad.getByRole('button', { name: 'Save the client' }).click()
  await expect(xroad.getByRole('status')).toContainText('audit log')
  const row = xroad.locator(`tr[data-client="${id}"]`)
  await expect(row).toContainText('Case manager')
  await expect(row).toContainText('Allowed')
})
