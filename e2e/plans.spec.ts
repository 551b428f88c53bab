import { as, expect, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

/** A one-page PDF standing in for the signed follow-up register. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1')

test('a planner reports a value with evidence and the secretariat approves it, in the Khmer interface', async ({
  browser,
}) => {
  // MoSVY's case manager reports its reintegration figure for a quarter already over.
  const planner = await as(browser, 'casemanager')
  await planner.getByRole('button', { name: 'ខ្មែរ' }).click()
  await planner.getByRole('link', { name: 'ផែនការ' }).first().click()
  await expect(planner.getByRole('heading', { name: 'ការតាមដានផែនការ', level: 1 })).toBeVisible()
  await expect(planner.getByRole('note')).toContainText('ផែនការគំរូ')
  await planner.getByLabel('ឆ្នាំ').selectOption('2026')
  await planner.getByRole('button', { name: /I8 / }).click()
  const form = planner.locator('form.plan-report-form')
  await form.getByLabel('រយៈពេល (ឧ. 2026-Q3)').fill('2026-Q1')
  await form.getByLabel('តម្លៃ', { exact: true }).fill('17')
  await form.getByRole('button', { name: 'រក្សាទុកសេចក្តីព្រាង' }).click()
  await expect(form.getByRole('status')).toHaveText('បានរក្សាទុកសេចក្តីព្រាង។')
  // Submitting without evidence is refused, in Khmer.
  await form.getByRole('button', { name: 'ដាក់ស្នើដើម្បីពិនិត្យ' }).click()
  await expect(form.getByRole('alert')).toContainText('សូមភ្ជាប់ឯកសារភស្តុតាង')
  await form
    .getByLabel(/ឯកសារភស្តុតាង/)
    .setInputFiles({ name: 'register.pdf', mimeType: 'application/pdf', buffer: PDF })
  await form.getByRole('button', { name: 'ភ្ជាប់ឯកសារ' }).click()
  await expect(form.getByRole('status')).toHaveText('បានភ្ជាប់ឯកសារ។')
  await form.getByRole('button', { name: 'ដាក់ស្នើដើម្បីពិនិត្យ' }).click()
  await expect(form.getByRole('status')).toHaveText('បានដាក់ស្នើដើម្បីពិនិត្យ។')
  await expect(planner.getByRole('article').filter({ hasText: '២០២៦-Q១' })).toContainText('បានដាក់ស្នើ')
  await planner.getByRole('button', { name: 'English' }).click()

  // The NCCT secretariat approves it from its queue, in Khmer too.
  const secretariat = await as(browser, 'analyst')
  await secretariat.getByRole('button', { name: 'ខ្មែរ' }).click()
  await secretariat.goto('/plans/review')
  await expect(secretariat.getByRole('heading', { name: 'កំពុងរង់ចាំការពិនិត្យ', level: 1 })).toBeVisible()
  const report = secretariat.getByRole('article').filter({ hasText: '២០២៦-Q១' })
  await expect(report.getByRole('link', { name: 'register.pdf' })).toBeVisible()
  await report.getByLabel('មតិយោបល់').fill('បានផ្ទៀងផ្ទាត់ជាមួយបញ្ជី')
  await report.getByRole('button', { name: 'អនុម័ត' }).click()
  await expect(secretariat.getByRole('status')).toHaveText('បានអនុម័ត។')
  await expect(report).toHaveCount(0)

  // The approved value now counts on the dashboard.
  await secretariat.goto('/plans')
  await secretariat.getByLabel('ឆ្នាំ').selectOption('2026')
  const row = secretariat.getByRole('row').filter({ hasText: 'I8' })
  await expect(row).toContainText('១៧')
  await secretariat.getByRole('button', { name: 'English' }).click()
  await expect(secretariat.locator('html')).toHaveAttribute('lang', 'en')
})
