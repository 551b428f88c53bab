import type { Page } from '@playwright/test'
import { generateMrz } from '../src/domain/documents/index.ts'
import { admitThroughApi, expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

const passport = (documentNumber: string, surname: string, birthDate: string) =>
  generateMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingState: 'THA',
    documentNumber,
    nationality: 'THA',
    surname,
    givenNames: 'Malai',
    birthDate,
    sex: 'F',
    expiryDate: '2034-02-28',
  }).lines

const admit = (page: Page, lines: string[]) => admitThroughApi(page, lines, 'Z9')

test('a supervisor opens a shift and watches the post board count an entry without reloading', async ({
  page,
  browser,
}) => {
  await signIn(page, 'supervisor.poipet')
  const bar = page.getByTestId('shift-bar')
  await bar.getByRole('button', { name: 'Open shift' }).click()
  await bar.getByLabel('Counter').fill('b7')
  await bar.getByRole('button', { name: 'Open shift' }).click()
  // The post by its name, not its code.
  await expect(bar).toContainText('Poipet International Border Checkpoint · counter B7')

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Post board/ })
    .click()
  await expect(page.getByTestId('board-status')).toContainText('Live')
  const entries = page.getByTestId('board-entries').locator('strong')
  await expect(entries).toHaveText(/^\d+$/)
  const before = Number(await entries.textContent())

  const officerContext = await browser.newContext()
  const officer = await officerContext.newPage()
  await signIn(officer, 'officer.poipet')
  await admit(officer, passport('PB4400001', 'Srisuk', '1988-09-10'))
  await officerContext.close()

  await expect(entries).toHaveText(String(before + 1), { timeout: 15_000 })
  await expect(page.getByTestId('board-entries')).toContainText('admitted')
  await bar.getByRole('button', { name: 'Close shift' }).click()
  await expect(bar).toContainText('No shift open.')
})

test('an officer links a newly seen passport to the same traveller on record', async ({ page }) => {
  await signIn(page, 'officer.poipet')
  await admit(page, passport('PB4400002', 'Chaiyaphum', '1979-12-01'))
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Primary inspection/ })
    .click()
  for (const line of passport('PB4400003', 'Chaiyapum', '1979-12-01')) {
    await page.keyboard.type(line)
    await page.keyboard.press('Enter')
  }
  const proposals = page.getByTestId('identity-candidates')
  await expect(proposals).toContainText('MALAI CHAIYAPHUM')
  await expect(page.getByText('No crossing on record.')).toBeVisible()
  await proposals.getByRole('button', { name: 'Same person: link this document' }).click()
  await expect(page.getByTestId('traveller-record').getByRole('cell', { name: 'Admit' })).toBeVisible()
  await expect(page.getByTestId('identity-candidates')).toHaveCount(0)
})

test('an administrator adds, reorders and deactivates a refusal reason', async ({ page }) => {
  await signIn(page, 'admin')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Refusal reasons/ })
    .click()
  await page.getByRole('button', { name: 'Add a reason' }).click()
  await page.getByLabel('Code').fill('quarantine_order')
  await page.getByLabel('Name in English').fill('Under a quarantine order')
  await page.getByLabel('Name in Khmer').fill('ស្ថិតក្រោមបញ្ជាដាក់ឱ្យនៅដាច់ដោយឡែក')
  await page.getByRole('button', { name: 'Save' }).click()
  const table = page.getByTestId('refusal-reasons')
  const lastRow = table.locator('tbody tr').last()
  await expect(lastRow).toContainText('quarantine_order')

  await page.getByRole('button', { name: 'Move quarantine_order up' }).click()
  await expect(table.locator('tbody tr').nth(-2)).toContainText('quarantine_order')
  const row = table.locator('tbody tr', { hasText: 'quarantine_order' })
  await row.getByRole('button', { name: 'Deactivate' }).click()
  await expect(row).toContainText('Inactive')
})
