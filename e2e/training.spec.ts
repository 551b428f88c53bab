import { apiFrom, as, expect, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

test('a trainee examines a set of specimens in training mode, sees the score, and the trainer sees the result', async ({
  browser,
}) => {
  const trainer = await as(browser, 'iom.staff')
  const composed = await apiFrom(trainer, 'POST', '/api/training/exercises', {
    title: 'Check digits and clean documents',
    items: [
      { kind: 'TD3', defects: ['mrz_check_digit'] },
      { kind: 'VISA', defects: [] },
    ],
  })
  expect(composed.status).toBe(201)

  const trainee = await as(browser, 'officer.poipet')
  // An earlier flow may have left this account's interface in Khmer; this flow reads the English words.
  await trainee.getByRole('button', { name: 'English' }).click()
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
  await expect(trainee.getByTestId('specimen')).toBeVisible()
  await expect(trainee.getByText(/check digit/i).first()).toBeVisible()
  await trainee.getByLabel('MRZ check digit wrong').check()
  await trainee.getByRole('button', { name: 'Next' }).click()
  await expect(trainee.getByText('Document 2 of 2')).toBeVisible()
  await expect(trainee.getByText('Nothing wrong with this document')).toBeVisible()
  await trainee.getByRole('button', { name: 'Submit the exercise' }).click()

  const score = trainee.getByTestId('score')
  await expect(score).toContainText('Score: 100 %')
  await expect(score).toContainText('Found: MRZ check digit wrong')
  await expect(score).toContainText('Correct: this document was in order.')
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
  await expect(trainer.getByTestId('results').getByRole('row', { name: /100 %/ })).toBeVisible()
})
