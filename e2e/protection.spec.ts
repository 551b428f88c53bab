import type { Page } from '@playwright/test'
import { as, expect, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

const POIPET_CENTRE = '7a0c1d2e-0001-4000-8000-000000000001'

async function step(page: Page, caseUrl: string, event: string, fill?: (p: Page) => Promise<unknown>) {
  await page.goto(caseUrl)
  await page.getByRole('button', { name: event, exact: true }).click()
  if (fill) {
    await fill(page)
    await page.getByRole('button', { name: 'Confirm' }).click()
  }
}

test('a border officer refers a presumed victim; MoSVY accepts, assesses, plans and closes with approval', async ({
  browser,
}) => {
  const officer = await as(browser, 'officer.poipet')
  await officer
    .getByRole('link', { name: /Refer to protection/ })
    .first()
    .click()
  await expect(officer.getByRole('heading', { name: 'Refer to protection' })).toBeVisible()
  await officer.getByLabel('Family name (Latin letters)').fill('Chan')
  await officer.getByLabel('Given name (Latin letters)').fill('Sreypov')
  await officer.getByLabel('Family name (Khmer script)').fill('ចាន់')
  await officer.getByLabel('Given name (Khmer script)').fill('ស្រីពៅ')
  await officer.getByLabel('Gender').selectOption('female')
  await officer.getByLabel('Age in years, if known').fill('24')
  const yes = [
    'Did a broker, an agent or someone met online arrange the job or the journey?',
    'Was the person deceived about the job, the pay or the conditions?',
    "Were the person's passport or identity documents taken from them?",
    'Was the person made to take part in online scams, fraud or other crimes?',
  ]
  for (const q of yes) await officer.getByLabel(q).selectOption('yes')
  // Everything not asked about above was answered "no" by the person.
  const screening = officer.getByTestId('screening').locator('select')
  for (let i = 0; i < (await screening.count()); i++) {
    const select = screening.nth(i)
    if ((await select.inputValue()) === '') await select.selectOption('no')
  }
  await officer.getByRole('button', { name: 'See the recommendation' }).click()
  await expect(officer.getByTestId('recommendation')).toContainText('Presumed victim of trafficking')
  await officer.getByLabel('Consent to Receiving services').selectOption('given')
  await officer.getByLabel('Consent to Sharing information with other organisations').selectOption('given')
  await officer.getByRole('combobox', { name: 'Service provider' }).selectOption(POIPET_CENTRE)
  // The recommended services the centre offers are pre-selected; the officer keeps shelter and food only.
  await expect(officer.getByLabel('Medical care', { exact: true })).toBeChecked()
  await officer.getByLabel('Medical care', { exact: true }).uncheck()
  await officer.getByLabel('Psychosocial support', { exact: true }).uncheck()
  await expect(officer.getByLabel('Shelter', { exact: true })).toBeChecked()
  await expect(officer.getByLabel('Food', { exact: true })).toBeChecked()
  await officer.getByRole('button', { name: 'Send the referral' }).click()
  await expect(officer.getByRole('status')).toContainText('Referral sent to MoSVY Poipet transit centre.')
  await expect(officer.getByRole('status')).toContainText('Presumed victim of trafficking')
  // The officer sees that the referral exists and its status, not who it is about.
  await officer.getByRole('link', { name: 'See the referrals you sent' }).click()
  // Other flows refer people too: the newest referral is this one, waiting like any other.
  await expect(officer.getByRole('cell', { name: 'Waiting for an answer' }).first()).toBeVisible()
  await expect(officer.getByText('Sreypov')).toHaveCount(0)

  const worker = await as(browser, 'socialworker')
  await worker
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Referrals/ })
    .click()
  const row = worker.getByRole('row', { name: /Chan Sreypov/ })
  await row.getByRole('button', { name: 'Accept' }).click()
  await row.getByRole('link', { name: 'Open the case' }).click()
  await expect(worker.getByTestId('case-state')).toHaveText('Waiting for a case worker')
  const caseUrl = worker.url()

  const manager = await as(browser, 'casemanager')
  await step(manager, caseUrl, 'Assign a case worker', (p) =>
    p.getByRole('combobox', { name: 'Case worker' }).selectOption({ label: 'Lim Sreymom' }),
  )
  await expect(manager.getByTestId('case-state')).toHaveText('Assigned')

  await step(worker, caseUrl, 'Complete the assessment', (p) =>
    p.getByLabel('Assessment summary').fill('Held in a scam compound for 5 months; needs shelter and care.'),
  )
  await expect(worker.getByTestId('case-state')).toHaveText('Assessed')
  await step(worker, caseUrl, 'Submit the case plan', (p) =>
    p.getByLabel('Goals (one per line)').fill('Safe return home\nVocational training'),
  )
  await expect(worker.getByTestId('case-state')).toHaveText('Case plan awaiting approval')

  await step(manager, caseUrl, 'Approve the case plan')
  await expect(manager.getByTestId('case-state')).toHaveText('Integration')

  await step(worker, caseUrl, 'Ask to close the case', (p) =>
    p.getByLabel('Reason for closing').selectOption('goalsAchieved'),
  )
  await expect(worker.getByText('A closure request is waiting for approval')).toBeVisible()

  await step(manager, caseUrl, 'Approve closure')
  await expect(manager.getByTestId('case-state')).toHaveText('Closed')
  await expect(manager.getByTestId('timeline')).toContainText('Approve closure')
  await expect(manager.getByTestId('timeline')).toContainText('Approve the case plan')
})
