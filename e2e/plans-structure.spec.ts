import { as, expect, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

test('an NCCT planner adds an activity, edits an indicator definition in Khmer and removes a node; refusals under their fields', async ({
  browser,
}) => {
  const planner = await as(browser, 'analyst')
  await planner.getByRole('button', { name: 'ខ្មែរ' }).click()
  await planner.getByRole('link', { name: 'ផែនការ' }).first().click()
  await planner.getByRole('link', { name: 'កែសម្រួលរចនាសម្ព័ន្ធផែនការ' }).click()
  await expect(planner.getByRole('heading', { name: 'រចនាសម្ព័ន្ធផែនការ', level: 1 })).toBeVisible()

  // Add an activity under output P1.O1.1, from the keyboard: the form takes the cursor.
  await planner.getByRole('button', { name: 'បន្ថែមសកម្មភាពក្រោម លទ្ធផល P1.O1.1' }).click()
  const form = planner.locator('form.plan-structure-form')
  const code = form.getByLabel('លេខកូដ')
  await expect(code).toBeFocused()
  // Khmer in the Latin-only code, an empty English title: each refused under its own field, nothing stored.
  await code.fill('សកម្មភាព៩')
  await form.getByLabel('ចំណងជើង (ខ្មែរ)').fill('បណ្តុះបណ្តាលប្រធានប៉ុស្តិ៍')
  await form.getByRole('button', { name: 'រក្សាទុក' }).click()
  await expect(code).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByLabel('ចំណងជើង (អង់គ្លេស)')).toHaveAttribute('aria-invalid', 'true')
  await code.fill('A90')
  await form.getByLabel('ចំណងជើង (អង់គ្លេស)').fill('Train post chiefs in referral')
  await form.getByLabel('ទទួលខុសត្រូវ').selectOption('GDI')
  await form.getByRole('checkbox').first().check()
  await form.getByLabel('ឆ្នាំដំបូង').selectOption('2026')
  await form.getByLabel('ឆ្នាំចុងក្រោយ').selectOption('2025')
  await form.getByRole('button', { name: 'រក្សាទុក' }).click()
  // The end before the start: the server's Khmer sentence under "last year".
  await expect(form.getByLabel('ឆ្នាំចុងក្រោយ')).toHaveAttribute('aria-invalid', 'true')
  await form.getByLabel('ឆ្នាំចុងក្រោយ').selectOption('2028')
  await form.getByLabel('ប្រភពថវិកា').fill('ដៃគូអភិវឌ្ឍន៍')
  await form.getByLabel('ប្រភពថវិកា').press('Enter')
  await expect(planner.getByRole('status')).toHaveText('បានរក្សាទុក។')
  await expect(planner.getByText('A90 Train post chiefs in referral')).toBeVisible()

  // Edit indicator I3's Khmer definition.
  await planner.getByRole('button', { name: 'កែសម្រួល I3' }).click()
  const definition = 'ចំនួនឯកសារដែលត្រូវបានពិនិត្យ ហើយរកឃើញការក្លែងបន្លំ'
  const indicatorForm = planner.locator('.plan-structure-form form').first()
  await indicatorForm.getByLabel('និយមន័យ (ខ្មែរ)').fill(definition)
  await indicatorForm.getByRole('button', { name: 'រក្សាទុក' }).click()
  await expect(planner.getByRole('status')).toHaveText('បានរក្សាទុក។')
  await planner.getByRole('button', { name: 'កែសម្រួល I3' }).click()
  await expect(planner.locator('.plan-structure-form form').first().getByLabel('និយមន័យ (ខ្មែរ)')).toHaveValue(
    definition,
  )
  await planner.getByRole('button', { name: 'បោះបង់' }).first().click()

  // A pillar with items under it is not removed: the refusal says why, in Khmer.
  await planner.getByRole('button', { name: 'លុប សសរស្តម្ភ P1' }).click()
  await planner.getByRole('button', { name: 'លុប', exact: true }).last().click()
  await expect(planner.getByRole('alert').filter({ hasText: 'នៅមានធាតុ' })).toBeVisible()
  // The new activity is: confirmed with Enter, the cursor already on the button.
  await planner.getByRole('button', { name: 'លុប សកម្មភាព A90' }).click()
  await expect(planner.getByRole('button', { name: 'លុប', exact: true }).last()).toBeFocused()
  await planner.keyboard.press('Enter')
  await expect(planner.getByRole('status')).toHaveText('បានលុប សកម្មភាព A90។')
  await expect(planner.getByText('A90 Train post chiefs in referral')).toHaveCount(0)
  await planner.getByRole('button', { name: 'English' }).click()

  // Another agency's analyst reads the structure, with nothing to edit.
  const iom = await as(browser, 'iom.staff')
  await iom.goto('/plans/structure')
  await expect(iom.getByRole('heading', { name: 'Plan structure', level: 1 })).toBeVisible()
  await expect(
    iom.getByText('Administrators and NCCT planners edit the plan; you may read it.'),
  ).toBeVisible()
  await expect(iom.getByRole('button', { name: /^Edit / })).toHaveCount(0)
})
