import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

const POIPET_CENTRE = '7a0c1d2e-0001-4000-8000-000000000001'
/** A 1×1 PNG, standing in for the camera's picture. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1f7e7e30000000049454e44ae426082',
  'hex',
)

test('a returnee is registered in the Khmer interface, with flags, needs and a referral to protection', async ({
  page,
}) => {
  await signIn(page, 'chief.poipet')
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await page.getByRole('link', { name: 'ចុះឈ្មោះអ្នកវិលត្រឡប់' }).first().click()
  await expect(page.getByRole('heading', { name: 'ការចុះឈ្មោះអ្នកវិលត្រឡប់', level: 1 })).toBeVisible()
  // Today's list is there (other flows may already have registered someone at Poipet today).
  await expect(page.getByTestId('today')).toBeVisible()

  // The form opens on the first name box; the Khmer names are typed key by key, as a Khmer keyboard sends them.
  await expect(page.getByLabel('នាមត្រកូល (ឡាតាំង)')).toBeFocused()
  await page.keyboard.type('Chan')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Sreypov')
  await page.keyboard.press('Tab')
  await page.getByLabel('នាមត្រកូល (ខ្មែរ)').pressSequentially('ចាន់')
  await page.getByLabel('នាមខ្លួន (ខ្មែរ)').pressSequentially('ស្រីពៅ')
  await page.getByLabel('ភេទ', { exact: true }).selectOption('F')
  await page.getByLabel('ថ្ងៃកំណើត ឬអាយុ').fill('24')
  await page.getByLabel('ខេត្តដែលត្រឡប់ទៅ').selectOption('KH-14')
  await page.getByLabel('ទូរស័ព្ទ').fill('012 345 678')
  await page
    .getByLabel('រូបថត (ស្រេចចិត្ត)')
    .setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: PNG })

  // Letters toggle the chips while focus is in their group; trafficking indicators propose the referral.
  await page.getByTestId('flags').getByRole('checkbox').first().focus()
  await page.keyboard.press('m')
  await page.keyboard.press('t')
  await expect(page.getByLabel('សញ្ញាណនៃការជួញដូរមនុស្ស')).toBeChecked()
  await page.getByTestId('needs').getByRole('checkbox').first().focus()
  await page.keyboard.press('f')
  await page.keyboard.press('s')
  await expect(page.getByLabel('បញ្ជូនទៅកិច្ចការពារ')).toBeChecked()

  const referral = page.getByTestId('referral')
  await referral.getByLabel('មូលហេតុនៃការបញ្ជូន').fill('និយាយថាត្រូវគេឃុំក្នុងបរិវេណបោកប្រាស់')
  await referral.getByRole('combobox').first().selectOption(POIPET_CENTRE)
  // This officer did ask for consent; the identification questions are the social worker's, on the case.
  await referral.getByLabel(/យល់ព្រមទទួលសេវា/).check()
  await expect(referral.getByTestId('screening')).toHaveCount(0)
  await page.getByLabel('ស្រុកដែលត្រឡប់ទៅ').fill('ពាមរ')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('status').filter({ hasText: 'បានចុះឈ្មោះ៖ ចាន់ ស្រីពៅ' })).toBeVisible()
  const row = page.getByTestId('today').getByRole('row', { name: /ចាន់ ស្រីពៅ/ })
  await expect(row).toContainText('សញ្ញាណនៃការជួញដូរមនុស្ស')
  await expect(row).toContainText('អាហារ')
  await expect(row).toContainText('បានបញ្ជូន')
  await expect(row).toContainText('មានរូបថត')
  // Enter started the next returnee: the form is empty and focused again.
  await expect(page.getByLabel('នាមត្រកូល (ឡាតាំង)')).toBeFocused()
  await expect(page.getByLabel('នាមត្រកូល (ខ្មែរ)')).toHaveValue('')
  // The language is remembered per user: leave this one in English for the other specs.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('a small return list is imported and its report shows the row with a problem', async ({ page }) => {
  await signIn(page, 'officer.poipet')
  await page.goto('/returns/import')
  await page.getByLabel('List reference').fill('E2E-G2G-1')
  const csv = [
    'list_no,family_name,given_name,family_name_km,given_name_km,sex,age,return_province,needs',
    '1,Keo,Dara,កែវ,ដារា,M,31,Prey Veng,food',
    '2,Keo,Sophea,កែវ,សោភា,F,29,Prey Veng,food;water',
    '3,Keo,,,,W,7,Atlantis,',
  ].join('\n')
  await page
    .getByLabel('List file')
    .setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const report = page.getByTestId('import-report')
  await expect(report).toContainText('3 rows: 2 registered, 0 already registered, 1 with problems.')
  const problem = report.getByRole('row', { name: /Unknown province: Atlantis/ })
  await expect(problem).toContainText('4')
  await expect(problem).toContainText('return_province')
  await expect(report.getByRole('row', { name: /Sex must be M, F or X/ })).toBeVisible()
})
