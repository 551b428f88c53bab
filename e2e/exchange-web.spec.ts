import type { Page } from '@playwright/test'
import { THAI_PERSON, THAI_PHONE } from '../src/app/exchange/exchange-web.testing.ts'
import { referralBody } from '../src/app/protection/protection.testing.ts'
import { apiFrom, as, expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

/** A Thai citizen met at Poipet, referred by the border and taken on by MoSVY: a case to refer from. */
async function thaiCase(officer: Page, worker: Page): Promise<string> {
  const referral = await apiFrom(
    officer,
    'POST',
    '/api/protection/referrals',
    referralBody({ person: THAI_PERSON }),
  )
  expect(referral.status).toBe(201)
  const accepted = await apiFrom(worker, 'POST', `/api/protection/referrals/${referral.json.id}/events`, {
    type: 'accept',
  })
  expect(accepted.status).toBe(200)
  return accepted.json.caseId
}

test("the border officer records today's arrivals from Thailand on Poipet's board: a list's returnee is registered, a victim's handover in Khmer opens MoSVY's case", async ({
  page,
  browser,
}) => {
  await signIn(page, 'officer.poipet')
  await page.goto('/posts/board')
  const card = page.getByTestId('board-arrivals')
  await expect(card.getByRole('heading', { name: /Expected arrivals from partners today/ })).toBeVisible()
  const vuthy = card.getByRole('row', { name: /Vuthy Prak/ })
  await expect(vuthy).toContainText('Return list')
  await expect(vuthy).toContainText(/Thailand|Social Development/)
  // A confirmation first, from the keyboard: Escape cancels, and nothing is recorded.
  await vuthy.getByRole('button', { name: 'Record the arrival' }).click()
  const confirm = card.getByTestId('board-arrival-confirm')
  await expect(confirm).toContainText('registered as a returnee')
  await expect(confirm.getByRole('button', { name: 'Confirm' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(confirm).toHaveCount(0)
  await expect(vuthy).toHaveAttribute('data-status', 'expected')
  await vuthy.getByRole('button', { name: 'Record the arrival' }).click()
  await page.keyboard.press('Enter')
  await expect(vuthy).toContainText('Arrived')
  await expect(card.getByTestId('board-arrival-done')).toContainText('Vuthy Prak is registered as a returnee')

  // Another officer of the post records another list's arrival at their desk: the board follows without a reload.
  const supervisor = await as(browser, 'supervisor.poipet')
  const list = await apiFrom(supervisor, 'GET', '/api/exchange/board/LAND-POIPET/arrivals')
  const sokunthea = list.json.items.find((a: { givenLatin: string }) => a.givenLatin === 'Sokunthea')
  expect(
    (await apiFrom(supervisor, 'POST', `/api/exchange/board/arrivals/${sokunthea.id}/arrived`, {})).status,
  ).toBe(201)
  await expect(card.getByRole('row', { name: /Sokunthea Mao/ })).toHaveAttribute('data-status', 'arrived')

  // In Khmer, the officer records the handover of the victim Thailand repatriates, after the confirmation.
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await expect(card.getByRole('heading', { name: /អ្នកដែលរំពឹងថានឹងមកដល់ពីដៃគូនៅថ្ងៃនេះ/ })).toBeVisible()
  await expect(card.getByRole('row', { name: /Vuthy Prak/ })).toContainText('បញ្ជីអ្នកវិលត្រឡប់')
  const sophal = card.getByRole('row', { name: /Sophal Kim/ })
  await expect(sophal).toContainText('ការប្រគល់ជនរងគ្រោះ')
  await sophal.getByRole('button', { name: 'កត់ត្រាការប្រគល់' }).click()
  await expect(confirm).toContainText('ក្រសួងសង្គមកិច្ច')
  await confirm.getByRole('button', { name: 'បញ្ជាក់' }).click()
  await expect(sophal).toHaveAttribute('data-status', 'arrived')
  await expect(card.getByTestId('board-arrival-done')).toContainText('បានកត់ត្រាការប្រគល់ Sophal Kim')

  // The list's returnee opens prefilled in the registration, for the officer to complete.
  await card
    .getByRole('row', { name: /Vuthy Prak/ })
    .getByRole('link')
    .click()
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByLabel('Given name (Latin)')).toHaveValue('Vuthy')

  // MoSVY's case manager finds the case the handover opened, with the data received.
  const manager = await as(browser, 'casemanager')
  await manager.goto('/protection/cases')
  await expect(manager.getByRole('row', { name: /Sophal|សុផល/ })).toBeVisible()
})

test('in Khmer, a social worker requests repatriation from a case: allowed fields marked, the phone withheld, the exchange on the case', async ({
  page,
  browser,
}) => {
  const officer = await as(browser, 'officer.poipet')
  const worker = await as(browser, 'socialworker')
  const caseId = await thaiCase(officer, worker)
  await signIn(page, 'socialworker')
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await page.goto(`/protection/case?id=${caseId}`)
  const card = page.getByTestId('case-exchange')
  await expect(card.getByRole('heading', { name: 'បញ្ជូនទៅដៃគូ' })).toBeVisible()
  await card.getByLabel('ស្នើសុំការធ្វើមាតុភូមិនិវត្តន៍').check()
  await card.getByLabel('ក្រោមកិច្ចព្រមព្រៀង').selectOption('KH-TH-MOU-2003')
  await card.getByRole('button', { name: 'ពិនិត្យអ្វីដែលនឹងត្រូវផ្ញើ' }).click()

  const allowed = card.getByTestId('case-exchange-allowed')
  await expect(allowed.locator('li[data-field="prs_FirstName"]')).toContainText('នាមខ្លួន (អក្សរឡាតាំង)')
  await expect(allowed.locator('li[data-field="prs_FirstName"]')).toContainText('Malee')
  // The phone and the vulnerabilities stay in Cambodia: the Cambodia–Thailand agreement does not let them go.
  const withheld = card.getByTestId('case-exchange-withheld')
  await expect(withheld.locator('li[data-field="prs_MobilePhone"]')).toContainText('ទូរសព្ទដៃ')
  await expect(withheld.locator('li[data-field="prs_MobilePhone"] s')).toBeVisible()
  await expect(allowed.locator('li[data-field="prs_MobilePhone"]')).toHaveCount(0)
  await expect(card).not.toContainText(THAI_PHONE)
  await expect(card.getByTestId('case-exchange-consent')).toContainText('ការយល់ព្រមឱ្យចែករំលែក៖ បានផ្តល់')

  await card.getByRole('button', { name: 'ផ្ញើសំណើមាតុភូមិនិវត្តន៍' }).click()
  await expect(card.getByRole('status')).toContainText('បានដាក់ក្នុងជួរដើម្បីបញ្ជូន')
  const timeline = page.getByTestId('case-exchange-timeline')
  await expect(timeline.locator('li[data-direction="out"]')).toHaveCount(1)
  await expect(timeline.locator('li[data-direction="out"]')).toContainText('បានផ្ញើទៅ')
  await expect(timeline.locator('li[data-direction="out"]')).toContainText('Cambodia–Thailand')
  await page.reload()
  await expect(page.getByTestId('timeline')).toContainText('បានស្នើសុំមាតុភូមិនិវត្តន៍ពី TH-MSDHS')
})
