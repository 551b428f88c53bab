import { generateMrz, type MrzDocument } from '../src/domain/documents/index.ts'
import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

/** A 1 × 1 PNG: a photo of the data page as far as the server's type check is concerned. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1f7e7e30000000049454e44ae426082',
  'hex',
)

const mrz = (over: Partial<MrzDocument>) =>
  generateMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingState: 'KHM',
    documentNumber: 'N03318842',
    nationality: 'KHM',
    surname: 'Sok',
    givenNames: 'Chenda',
    birthDate: '1994-02-17',
    sex: 'F',
    expiryDate: '2032-05-30',
    ...over,
  }).lines

/** A passport reader types the lines as keystrokes, each ended by Enter. */
async function scan(page: import('@playwright/test').Page, lines: string[]) {
  // The panel focuses its box on arrival; keys sent before that would go nowhere, as with a real reader.
  await expect(page.getByLabel('Machine-readable zone (MRZ)')).toBeFocused()
  for (const line of lines) {
    await page.keyboard.type(line)
    await page.keyboard.press('Enter')
  }
}

test('an officer scans a passport, sees its fields and records an examination', async ({ page }) => {
  await signIn(page, 'officer.poipet')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Read document/ })
    .click()
  const input = page.getByLabel('Machine-readable zone (MRZ)')
  await expect(input).toBeFocused()
  await scan(page, mrz({}))

  await expect(page.getByRole('heading', { name: 'Passport (TD3)' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Valid' })).toBeVisible()
  await expect(page.getByRole('row', { name: /Surname/ })).toContainText('SOK')
  await expect(page.getByRole('row', { name: /Given names/ })).toContainText('CHENDA')
  // Day-first, as every date on screen.
  await expect(page.getByRole('row', { name: /Date of birth/ })).toContainText('17 Feb 1994')
  await expect(page.getByText('New document: stored and linked to a new traveller.')).toBeVisible()

  await expect(page.getByRole('heading', { name: 'Document examination' })).toBeVisible()
  await expect(page.getByText('To be confirmed by the document expert').first()).toBeVisible()
  await page.getByLabel('No signs of photo substitution', { exact: false }).selectOption('anomaly')
  await page.getByLabel('Overall finding').selectOption('suspected')
  await page.getByRole('button', { name: 'Save the examination' }).click()
  await expect(page.getByText('Examination saved: Suspected.')).toBeVisible()
  await page
    .getByLabel('Add photos')
    .setInputFiles({ name: 'data-page.png', mimeType: 'image/png', buffer: PNG })
  await expect(page.getByRole('img', { name: 'Photo 1 of the document' })).toBeVisible()

  // Escape starts again from an empty, focused box.
  await input.focus()
  await page.keyboard.press('Escape')
  await expect(input).toHaveValue('')
  await expect(page.getByRole('heading', { name: 'Passport (TD3)' })).toHaveCount(0)
})

test('a misread character is highlighted and its correction offered and accepted', async ({ page }) => {
  await signIn(page, 'officer.poipet')
  await page.goto('/documents')
  const good = mrz({
    documentNumber: 'TO1234567',
    issuingState: 'THA',
    nationality: 'THA',
    surname: 'Somsak',
  })
  // The reader took the letter O for a zero: the document number's check digit fails.
  const misread = [good[0]!, `T0${good[1]!.slice(2)}`]
  await scan(page, misread)

  await expect(page.getByRole('status').filter({ hasText: 'Errors found' })).toBeVisible()
  await expect(page.locator('mark.mrz-error').first()).toHaveText(good[1]![9]!)
  await expect(page.getByRole('row', { name: /Document number/ })).toContainText('The check digit is')
  await expect(page.getByRole('heading', { name: 'Suggested correction' })).toBeVisible()
  await expect(page.locator('ins.mrz-change')).toHaveText('O')
  await page.getByRole('button', { name: 'Accept the correction' }).click()

  await expect(page.getByRole('status').filter({ hasText: 'Valid' })).toBeVisible()
  await expect(page.getByLabel('Machine-readable zone (MRZ)')).toHaveValue(good.join('\n'))
  await expect(page.getByRole('row', { name: /Document number/ })).toContainText('TO1234567')
})

test('a visa (MRV-A) is read as a visa', async ({ page }) => {
  await signIn(page, 'officer.poipet')
  await page.goto('/documents')
  const visa = mrz({
    format: 'MRVA',
    documentCode: 'V',
    documentNumber: 'KV5510042',
    nationality: 'VNM',
    surname: 'Pham',
    givenNames: 'Minh Tuan',
    birthDate: '1985-12-01',
    sex: 'M',
    expiryDate: '2027-01-15',
  })
  await scan(page, visa)
  await expect(page.getByRole('heading', { name: 'Visa (MRV-A)' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Valid' })).toBeVisible()
  await expect(page.getByRole('row', { name: /Nationality/ })).toContainText('VNM')
  await expect(page.getByRole('row', { name: /Given names/ })).toContainText('MINH TUAN')
  // Escape from anywhere in the reading part starts again, back in the box.
  await page.getByRole('heading', { name: 'Visa (MRV-A)' }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByLabel('Machine-readable zone (MRZ)')).toBeFocused()
  await expect(page.getByLabel('Machine-readable zone (MRZ)')).toHaveValue('')
})

test('an administrator renames a check of the Thai passport template', async ({ page }) => {
  await signIn(page, 'admin')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Examination templates/ })
    .click()
  await page.getByLabel('Template').selectOption({ label: 'Thai passport' })
  await page.getByRole('button', { name: /Edit: Watermark visible/ }).click()
  await page.getByLabel('Name in English').fill('Watermark of the Garuda visible in transmitted light')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('cell', { name: /^Watermark of the Garuda/ })).toBeVisible()
})
