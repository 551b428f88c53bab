import { as, expect, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

test('an NCCT planner edits an indicator target in Khmer, with field errors; a case manager cannot', async ({
  browser,
}) => {
  const planner = await as(browser, 'analyst')
  await planner.getByRole('button', { name: 'ខ្មែរ' }).click()
  await planner.getByRole('link', { name: 'ផែនការ' }).first().click()
  await expect(planner.getByRole('heading', { name: 'ការតាមដានផែនការ', level: 1 })).toBeVisible()
  await planner.getByRole('button', { name: /I7 / }).click()
  const form = planner.locator('form.plan-target-form')
  await expect(form.getByRole('heading', { name: 'គោលដៅប្រចាំឆ្នាំ' })).toBeVisible()
  const y2027 = form.getByLabel('គោលដៅឆ្នាំ ២០២៧')

  // Not a number: said under the year's box, in Khmer, nothing sent.
  await y2027.fill('abc')
  await form.getByRole('button', { name: 'រក្សាទុកគោលដៅ' }).click()
  await expect(form.locator('.field-error')).toHaveText('សូមបញ្ចូលលេខ។')
  // A negative target: the server's refusal, in Khmer, under the same box.
  await y2027.fill('-5')
  await form.getByRole('button', { name: 'រក្សាទុកគោលដៅ' }).click()
  await expect(form.locator('.field-error')).toHaveText('តម្លៃមិនអាចអវិជ្ជមានទេ។')
  await expect(y2027).toHaveAttribute('aria-invalid', 'true')

  // Khmer digits are read as the number they are; saved from the keyboard (Enter submits the form).
  await y2027.fill('១២០')
  await y2027.press('Enter')
  await expect(form.getByRole('status')).toHaveText('បានរក្សាទុកគោលដៅ។')
  await planner.reload()
  await planner.getByRole('button', { name: /I7 / }).click()
  await expect(planner.locator('form.plan-target-form').getByLabel('គោលដៅឆ្នាំ ២០២៧')).toHaveValue('120')
  await planner.getByRole('button', { name: 'English' }).click()

  // A case manager reads the plan but edits nothing of it: no target form.
  const reader = await as(browser, 'casemanager')
  await reader.goto('/plans')
  await reader.getByRole('button', { name: /I7 / }).click()
  await expect(reader.getByRole('heading', { name: /I7 / })).toBeVisible()
  await expect(reader.locator('form.plan-target-form')).toHaveCount(0)
})
