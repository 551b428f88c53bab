import { as, expect, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

test('a supervisor evaluates a crossing with trafficking indicators, reads the reason in Khmer, and notifies the police, who acknowledge', async ({
  browser,
}) => {
  const supervisor = await as(browser, 'supervisor.poipet')
  await supervisor
    .getByRole('navigation')
    .getByRole('link', { name: /Risk evaluation/ })
    .click()
  await expect(supervisor.getByRole('heading', { name: 'Risk evaluation' })).toBeVisible()
  await supervisor.getByLabel('Age (years)').fill('22')
  await supervisor.getByLabel('Sex', { exact: true }).selectOption('female')
  await supervisor.getByLabel('First international trip').selectOption('true')
  await supervisor.getByLabel('Document held by the traveller').selectOption('false')
  await supervisor.getByLabel('Declared purpose').selectOption('tourism')
  await supervisor.getByLabel('Destination area').fill('MMR:MYAWADDY')
  await supervisor.getByLabel('How the job offer came (declared)').selectOption('social_media')
  await supervisor.getByLabel('Travellers with the same phone (7 days)').fill('7')
  await supervisor.getByRole('button', { name: 'Evaluate', exact: true }).click()

  const result = supervisor.getByTestId('evaluation-result')
  await expect(result).toContainText('Risk score 100 of 100')
  await expect(result).toContainText('Notify the anti-trafficking police')
  await expect(result).toContainText('Advice only: the officer decides.')

  await supervisor.getByRole('button', { name: 'ខ្មែរ' }).click()
  await expect(result).toContainText('ពិន្ទុ')
  await expect(result).toContainText('អាយុ ២២ ឆ្នាំ ធ្វើដំណើរទៅក្រៅប្រទេសជាលើកដំបូង')
  await supervisor.getByRole('button', { name: 'English' }).click()

  await supervisor.getByLabel('Decision', { exact: true }).selectOption('secondary_interview')
  await supervisor.getByLabel('Note').fill('Seven travellers gave the same phone number this week.')
  await supervisor.getByRole('checkbox', { name: 'Notify the anti-trafficking police' }).check()
  await supervisor.getByRole('button', { name: 'Record the decision' }).click()
  await expect(supervisor.getByRole('status')).toContainText('Alerts sent: 1')

  const police = await as(browser, 'investigator')
  await police
    .getByRole('navigation')
    .getByRole('link', { name: /Risk alerts/ })
    .click()
  const alert = police.getByRole('article').filter({ hasText: 'Seven travellers gave the same phone number' })
  await expect(alert).toContainText('LAND-POIPET')
  await expect(alert).toContainText('Aged 22, first international trip, going to MMR:MYAWADDY')
  await alert.getByLabel('Note for the record').fill('Investigation team informed.')
  await alert.getByRole('button', { name: 'Acknowledge' }).click()
  await police.getByLabel('Status').selectOption('acknowledged')
  await expect(police.getByRole('article').first()).toContainText('Acknowledged by investigator')
})
