import { generateMrz } from '../src/domain/documents/index.ts'
import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

/** A birth date `years` years ago and a few months, so the age does not change during the run. */
function bornYearsAgo(years: number): string {
  const d = new Date()
  d.setUTCFullYear(d.getUTCFullYear() - years)
  d.setUTCMonth(d.getUTCMonth() - 3)
  return d.toISOString().slice(0, 10)
}

const passport = generateMrz({
  format: 'TD3',
  documentCode: 'P',
  issuingState: 'KHM',
  documentNumber: 'N07720415',
  nationality: 'KHM',
  surname: 'Kim',
  givenNames: 'Dara',
  birthDate: bornYearsAgo(15),
  sex: 'F',
  expiryDate: '2033-01-31',
}).lines

test('an officer reads a passport, sees a risk reason and admits the traveller', async ({ page }) => {
  await signIn(page, 'officer.poipet')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Primary inspection/ })
    .click()
  const box = page.getByLabel('Machine-readable zone (MRZ)')
  await expect(box).toBeFocused()
  // The reader types each line as keystrokes ended by Enter.
  for (const line of passport) {
    await page.keyboard.type(line)
    await page.keyboard.press('Enter')
  }

  await expect(page.getByRole('heading', { name: 'DARA KIM' })).toBeVisible()
  await expect(page.getByText('No crossing on record.')).toBeVisible()
  await expect(page.getByText('No hit on the alert lists.')).toBeVisible()
  await expect(page.getByText('Minor without parent or guardian')).toBeVisible()
  await expect(
    page.getByText(/travelling without a parent or guardian and without a consent letter/),
  ).toBeVisible()

  // The decision comes focused; the officer types the counter and Enter records.
  await expect(page.getByRole('combobox', { name: 'Decision', exact: true })).toBeFocused()
  await page.getByRole('form', { name: 'Decision' }).getByLabel('Counter').fill('A2')
  await page.getByLabel('Purpose of travel').selectOption('family')
  await page.getByLabel('Purpose of travel').press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Recorded: Admit, Entry.' })).toBeVisible()
  await expect(box).toBeFocused()

  // Read again, the record shows the entry and the running stay.
  for (const line of passport) {
    await page.keyboard.type(line)
    await page.keyboard.press('Enter')
  }
  await expect(page.getByTestId('current-stay')).toContainText('entered at Poipet')
  await expect(page.getByTestId('traveller-record').getByRole('cell', { name: 'Admit' })).toBeVisible()
})
