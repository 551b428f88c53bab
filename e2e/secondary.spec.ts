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

const birthDate = bornYearsAgo(16)
const passport = generateMrz({
  format: 'TD3',
  documentCode: 'P',
  issuingState: 'KHM',
  documentNumber: 'N08830527',
  nationality: 'KHM',
  surname: 'Sok',
  givenNames: 'Pisey',
  birthDate,
  sex: 'F',
  expiryDate: '2033-05-31',
}).lines

test('an officer refers a listed child to secondary, the supervisor interviews and refuses the exit', async ({
  page,
}) => {
  // The National Police list the child as at risk, so the passport will hit the entry.
  await signIn(page, 'investigator')
  await page.goto('/watchlists')
  await page.getByRole('button', { name: 'New list' }).click()
  await page.getByLabel('List name').fill('NPC children at risk')
  await page.getByLabel('Reason for this change').fill('Child protection case 2026/41')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByRole('button', { name: 'Open NPC children at risk' }).click()
  await page.getByRole('button', { name: 'Add a person' }).click()
  await page.getByLabel('Names and aliases').fill('Sok Pisey')
  await page.getByLabel('Date of birth').fill(birthDate)
  await page.getByLabel('Category').selectOption('child_at_risk')
  await page.getByLabel('Handling instructions for the officer').fill('Refer to secondary inspection')
  await page.getByLabel('Reason for this change').fill('Reported missing by her mother')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('cell', { name: /Sok Pisey/ })).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()

  // The officer reads the passport at the exit counter: a hit and a risk reason, and refers to secondary.
  await signIn(page, 'officer.poipet')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Primary inspection/ })
    .click()
  await expect(page.getByLabel('Machine-readable zone (MRZ)')).toBeFocused()
  for (const line of passport) {
    await page.keyboard.type(line)
    await page.keyboard.press('Enter')
  }
  await expect(page.getByRole('heading', { name: 'PISEY SOK' })).toBeVisible()
  const hit = page.getByTestId('screening-hits').getByRole('article', { name: /Hit:/ })
  await expect(hit).toContainText('NPC children at risk')
  await expect(page.getByText('Minor without parent or guardian')).toBeVisible()
  // Scoped to the decision form: the shift bar above has a counter of its own.
  const form = page.getByRole('form', { name: 'Decision' })
  const decision = form.getByRole('combobox', { name: 'Decision', exact: true })
  await expect(decision).toBeFocused()
  await decision.selectOption('refer_secondary')
  await form.getByLabel('Direction').selectOption('exit')
  await form.getByLabel('Counter').fill('D1')
  await form.getByLabel('Why secondary inspection').fill('Listed child at risk, travelling alone')
  await form.getByLabel('Why secondary inspection').press('Enter')
  await expect(
    page.getByRole('status').filter({ hasText: 'Recorded: Refer to secondary inspection, Exit.' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()

  // The supervisor opens the queue from the keyboard, takes her into interview, writes a note and decides.
  await signIn(page, 'supervisor.poipet')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Secondary inspection/ })
    .click()
  const first = page.getByTestId('secondary-queue').getByRole('button').first()
  await expect(first).toContainText('PISEY SOK')
  await expect(first).toContainText('Waiting')
  await expect(first).toBeFocused()
  await page.keyboard.press('Enter')
  const view = page.getByTestId('secondary-inspection')
  await expect(view).toContainText('Listed child at risk, travelling alone')
  await expect(page.getByTestId('secondary-hits')).toContainText('NPC children at risk')
  await expect(view.getByText('Minor without parent or guardian')).toBeVisible()
  await page.getByRole('button', { name: 'Take into interview' }).click()
  await expect(view).toContainText('In interview with supervisor.poipet')
  const note = page.getByLabel('New note')
  await note.fill('Says an aunt waits across the border; no letter from her mother.')
  await note.press('Control+Enter')
  await expect(page.getByTestId('secondary-notes')).toContainText('no letter from her mother')
  await page.getByLabel('Outcome', { exact: true }).selectOption('refuse')
  await page.getByLabel('Reason for refusal').selectOption('child_without_consent')
  await page.getByLabel('Grounds for the outcome').fill('No consent of a parent for a child leaving.')
  await page.getByLabel('Grounds for the outcome').press('Control+Enter')
  await expect(
    page.getByRole('status').filter({ hasText: 'Decided by supervisor.poipet: Refuse.' }),
  ).toBeVisible()
  await expect(view.getByRole('cell', { name: 'Refuse', exact: true })).toBeVisible()

  // Back in the queue, nobody is waiting any more.
  await page.keyboard.press('Escape')
  await expect(page.getByText('Nobody is waiting for secondary inspection at this post.')).toBeVisible()
})
