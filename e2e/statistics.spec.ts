import type { Page } from '@playwright/test'
import { generateMrz } from '../src/domain/documents/index.ts'
import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

/**
 * The demo seed records no crossings, so the officer at Poipet records a few through the API first:
 * admitted entries of Thai and Vietnamese women and men, and refusals with a reason.
 */
async function recordCrossings(page: Page, count: number) {
  await signIn(page, 'officer.poipet')
  const session = await (await page.request.get('/api/auth/session')).json()
  const headers = { 'x-csrf-token': session.csrfToken as string }
  const validUntil = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
  for (let n = 0; n < count; n++) {
    const nationality = n % 3 === 0 ? 'VNM' : 'THA'
    const text = generateMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: nationality,
      documentNumber: `ST${String(Date.now() % 1e5).padStart(5, '0')}${n}`,
      nationality,
      surname: 'Statistics',
      givenNames: `Traveller ${'ABCDEFGHIJKLMNOP'[n]}`,
      birthDate: `19${70 + n}-05-0${1 + (n % 9)}`,
      sex: n % 2 === 0 ? 'F' : 'M',
      expiryDate: '2034-01-31',
    }).lines.join('\n')
    const inspected = await page.request.post('/api/crossings/inspect', { headers, data: { text } })
    expect(inspected.status(), await inspected.text()).toBe(200)
    const i = await inspected.json()
    const refused = n % 4 === 3
    const recorded = await page.request.post('/api/crossings', {
      headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
      data: {
        documentId: i.document.id,
        counter: 'A1',
        direction: 'entry',
        decision: refused ? 'refuse' : 'admit',
        refusalReason: refused ? 'no_valid_visa' : null,
        purpose: 'tourism',
        permit: refused ? null : { type: 'tourist_visa', number: `V${n}`, validUntil, permittedStayDays: 30 },
        riskEvaluationId: i.risk.id,
        screeningRequestId: i.screening.requestId,
      },
    })
    expect(recorded.status(), await recorded.text()).toBe(201)
  }
}

/** Returnees registered at Poipet: four to Banteay Meanchey (KH-1), two to Prey Veng (KH-14). */
async function registerReturnees(page: Page) {
  await signIn(page, 'officer.poipet')
  const session = await (await page.request.get('/api/auth/session')).json()
  const provinces = ['KH-1', 'KH-1', 'KH-1', 'KH-1', 'KH-14', 'KH-14']
  for (const [n, returnProvince] of provinces.entries()) {
    const res = await page.request.post('/api/returns', {
      headers: { 'x-csrf-token': session.csrfToken as string, 'idempotency-key': crypto.randomUUID() },
      data: {
        returnee: {
          familyLatin: 'Chea',
          givenLatin: `Returnee ${'ABCDEF'[n]}`,
          sex: n % 2 === 0 ? 'F' : 'M',
          birthDate: `${1980 + n * 3}-02-14`,
          originProvince: returnProvince,
          returnProvince,
          returnType: 'spontaneous',
          triageFlags: n < 2 ? ['medical'] : [],
        },
      },
    })
    expect(res.status(), await res.text()).toBe(201)
  }
}

test('an analyst reads the national dashboard, drills into a post and reads it in Khmer', async ({
  browser,
}) => {
  const officer = await (await browser.newContext()).newPage()
  await recordCrossings(officer, 12)

  const page = await (await browser.newContext()).newPage()
  await signIn(page, 'analyst')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Dashboards/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Statistics dashboards' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'National', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )

  const overTime = page.getByRole('region', { name: 'Border crossings by period and direction' })
  await expect(overTime.getByTestId('chart').locator('svg')).toBeVisible()
  await expect(overTime.getByTestId('chart').locator('path').first()).toBeAttached()
  await overTime.getByRole('button', { name: 'Show as table' }).click()
  await expect(overTime.getByRole('row')).not.toHaveCount(0)
  // Every month of the range has a row; this month's, the last, counts in its first column (entries) the twelve
  // just recorded, beside whatever the other flows recorded on the same server before this one.
  const thisMonth = await overTime.getByRole('row').last().getByRole('cell').first().textContent()
  expect(Number(thisMonth?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(12)
  // Each figure says how current it is (crossings reach the rollups through a queue folded in the background).
  await expect(overTime.getByTestId('freshness')).toContainText('Figures as of')

  const byPost = page.getByRole('region', { name: 'Crossings by point of entry' })
  await expect(byPost.getByTestId('chart').locator('svg')).toBeVisible()
  await byPost.getByRole('button', { name: 'Show as table' }).click()
  await byPost.getByRole('button', { name: /Poipet International Border Checkpoint/ }).click()

  await expect(page).toHaveURL(/view=post/)
  await expect(page).toHaveURL(/post=LAND-POIPET/)
  await expect(page.getByRole('link', { name: 'Point of entry', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(page.getByRole('list', { name: 'Filters in force' })).toContainText('Poipet')
  const refusals = page.getByRole('region', { name: 'Refusals of entry by reason' })
  await refusals.getByRole('button', { name: 'Show as table' }).click()
  // Only this flow refuses for want of a visa: three of its twelve.
  const noVisa = refusals.getByRole('row').filter({ hasText: 'No valid visa or residence permit' })
  await expect(noVisa).toContainText('3')

  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await expect(page.getByRole('heading', { name: 'ផ្ទាំងព័ត៌មានស្ថិតិ' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'ការឆ្លងកាត់ព្រំដែន តាមរយៈពេល និងទិសដៅ' })).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'ការបដិសេធមិនឱ្យចូល តាមមូលហេតុ' }).getByTestId('freshness'),
  ).toContainText('តួលេខគិតត្រឹម')
  // Value labels come from the API in the user's language, and figures in Khmer digits.
  await expect(page.getByRole('list', { name: 'តម្រងកំពុងប្រើ' })).toContainText('ប៉ោយប៉ែត')
  await expect(
    page
      .getByRole('region', { name: 'ការបដិសេធមិនឱ្យចូល តាមមូលហេតុ' })
      .getByRole('row')
      .filter({ hasText: 'គ្មានទិដ្ឋាការ ឬលិខិតអនុញ្ញាតស្នាក់នៅមានសុពលភាព' }),
  ).toContainText('៣')
})

test('an analyst sees returnees on the province map and drills into a province', async ({ browser }) => {
  await registerReturnees(await (await browser.newContext()).newPage())

  const page = await (await browser.newContext()).newPage()
  await signIn(page, 'analyst')
  // The analyst's language is kept in their profile; the other test may have left it in Khmer.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true')
  await page.goto('/statistics?view=returns')
  const map = page.getByRole('region', { name: 'Returnees by province of return' })
  await expect(map.getByTestId('chart').locator('svg path').first()).toBeAttached()
  const pyramid = page.getByRole('region', { name: 'Returnees by sex and age' })
  await expect(pyramid.getByTestId('chart').locator('svg')).toBeVisible()

  await map.getByRole('button', { name: 'Show as table' }).click()
  await expect(map.getByRole('row', { name: /Banteay Meanchey/ }).getByRole('cell')).toHaveText(['4'])
  await map.getByRole('button', { name: 'Banteay Meanchey' }).click()

  await expect(page).toHaveURL(/provinceOfReturn=KH-1/)
  await expect(page.getByRole('list', { name: 'Filters in force' })).toContainText('Banteay Meanchey')
  await pyramid.getByRole('button', { name: 'Show as table' }).click()
  // All six are 25 to 59; only the four returning to Banteay Meanchey are counted now, two women and two men.
  await expect(pyramid.getByRole('row', { name: /25-59/ }).getByRole('cell')).toHaveText(['2', '2'])
  await expect(page.getByRole('region', { name: 'Returnees by period and sex' })).toBeVisible()
})
