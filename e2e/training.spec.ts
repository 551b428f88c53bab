import { as, expect, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

test('a trainer composes a set by hand; a trainee examines it by keyboard against the clock, sees the score and the time; the trainer sees results per defect kind', async ({
  browser,
}) => {
  const trainer = await as(browser, 'iom.staff')
  await trainer.goto('/training')
  const compose = trainer.locator('section', {
    has: trainer.getByRole('heading', { name: 'Compose a set by hand' }),
  })
  await compose.getByLabel('Title').fill('Check digits and clean documents')
  await compose.getByLabel('Seconds per document').fill('300')
  await compose.getByTestId('compose-item').nth(0).getByLabel('MRZ check digit wrong').check()
  await compose.getByRole('button', { name: 'Add a document' }).click()
  await compose.getByTestId('compose-item').nth(1).getByLabel('Document 2').selectOption({ label: 'Visa' })
  await compose.getByRole('button', { name: 'Create the set' }).click()
  await expect(trainer.getByText('The set is ready for trainees.')).toBeVisible()
  await expect(
    trainer.getByRole('row', { name: /Check digits and clean documents.*300 s per document/ }),
  ).toBeVisible()

  const trainee = await as(browser, 'officer.poipet')
  await trainee
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Training/ })
    .click()
  const row = trainee.getByRole('row', { name: /Check digits and clean documents/ })
  await row.getByRole('link', { name: 'Start' }).click()

  // Training mode: the ribbon is up and the live sections are gone from the navigation.
  await expect(trainee.getByTestId('training-ribbon')).toContainText('TRAINING MODE')
  await expect(trainee.getByRole('link', { name: /Primary inspection/ })).toHaveCount(0)
  await expect(trainee.getByText('Document 1 of 2')).toBeVisible()
  await expect(trainee.getByTestId('countdown')).toHaveText(/^Time left: \d+ s$/)
  await expect(trainee.getByTestId('specimen')).toBeVisible()
  await expect(trainee.getByText(/check digit/i).first()).toBeVisible()
  // Keyboard only, as at a counter: 1 ticks the first defect, Enter answers and brings the next traveller.
  await trainee.keyboard.press('1')
  await expect(trainee.getByLabel('MRZ check digit wrong')).toBeChecked()
  await trainee.keyboard.press('Enter')
  await expect(trainee.getByText('Document 2 of 2')).toBeVisible()
  await expect(trainee.getByText('Nothing wrong with this document')).toBeVisible()
  // The countdown speaks Khmer with the rest of the screen, in Khmer digits.
  await trainee.getByRole('button', { name: 'ខ្មែរ' }).click()
  await expect(trainee.getByTestId('countdown')).toHaveText(/^ពេលនៅសល់៖ [០-៩]+ វិនាទី$/)
  await trainee.getByRole('button', { name: 'English' }).click()
  await trainee.getByRole('button', { name: 'Submit the exercise' }).focus()
  await trainee.keyboard.press('Enter')

  const score = trainee.getByTestId('score')
  await expect(score).toContainText('Score: 100 %')
  await expect(score).toContainText('Found: MRZ check digit wrong')
  await expect(score).toContainText('Correct: this document was in order.')
  await expect(score).toContainText(/Time: \d+ s of 300 s/)
  await expect(score).toContainText('Late documents: 0')
  // A live screen asked for in training mode shows the training page instead; leaving ends training mode.
  await trainee.goto('/crossings')
  await expect(trainee.getByTestId('training-ribbon')).toBeVisible()
  await expect(trainee.getByRole('heading', { name: 'Training', exact: true })).toBeVisible()
  await trainee.getByRole('button', { name: 'Leave training mode' }).click()
  await expect(trainee.getByTestId('training-ribbon')).toHaveCount(0)
  await expect(trainee.getByRole('link', { name: /Primary inspection/ })).toBeVisible()

  await trainer.goto('/training')
  await trainer
    .getByRole('row', { name: /Check digits and clean documents/ })
    .getByRole('button', { name: 'Results' })
    .click()
  const results = trainer.getByTestId('results')
  await expect(results.getByRole('row', { name: /100 %/ })).toContainText(/Time: \d+ s of 300 s/)
  const byDefect = results.getByTestId('by-defect')
  await expect(byDefect.getByTestId('chart')).toBeVisible()
  await expect(byDefect.getByRole('row', { name: /MRZ check digit wrong/ })).toHaveText(
    /MRZ check digit wrong\s*1\s*1\s*0\s*0\s*0/,
  )
})
