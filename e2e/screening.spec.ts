import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

test('an investigator lists a person with a Khmer-script alias, an officer screens the passport spelling, a supervisor adjudicates', async ({
  page,
}) => {
  // The National Police investigator adds the entry, with the reason that goes to the audit log.
  await signIn(page, 'investigator')
  await page.goto('/watchlists')
  await page.getByRole('button', { name: 'New list' }).click()
  await page.getByLabel('List name').fill('NPC trafficking suspects')
  await page.getByLabel('Reason for this change').fill('Cross-border trafficking case 2026/17')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByRole('button', { name: 'Open NPC trafficking suspects' }).click()
  // A file of stolen documents is uploaded with progress shown, then reported.
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'stolen.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'id,kind,issuing_state,document_number,document_status\ns-1,document,KHM,N01234567,stolen\n',
    ),
  })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('1 entries read, 1 added')
  await page.getByRole('button', { name: 'Add a person' }).click()
  await page.getByLabel('Names and aliases').fill('Chhay Sokha\nឆាយ សុខា')
  await page.getByLabel('Date of birth').fill('1990-04-12')
  await page.getByLabel('Category').selectOption('suspected_trafficker')
  await page
    .getByLabel('Handling instructions for the officer')
    .fill('Refer to secondary inspection; call the NPC duty desk')
  await page.getByLabel('Reason for this change').fill('Warrant 2026/114')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('cell', { name: /ឆាយ សុខា/ })).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()

  // The frontline officer types the name as the passport writes it and reads why it is a hit.
  await signIn(page, 'officer.poipet')
  await page.goto('/screening')
  await page.getByLabel('Name', { exact: true }).fill('CHAY SOKHA')
  await page.getByLabel('Date of birth').fill('1990-04-12')
  await page.getByRole('button', { name: 'Screen' }).click()
  const hit = page.getByRole('article', { name: /Hit:/ })
  await expect(hit).toHaveCount(1)
  await expect(hit).toContainText('NPC trafficking suspects')
  await expect(hit).toContainText('ឆាយ សុខា')
  await expect(hit).toContainText('Same date of birth (12 Apr 1990)')
  await expect(hit).toContainText('Refer to secondary inspection')
  await expect(hit.getByText(/^(Match|Possible match)$/)).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()

  // The shift supervisor at the same post decides it, with a reason.
  await signIn(page, 'supervisor.poipet')
  await page.goto('/screening/hits')
  const queued = page.getByRole('article', { name: /Hit:/ })
  await expect(queued).toHaveCount(1)
  await queued.getByLabel('Decision').selectOption('true_match')
  await queued.getByLabel('Reason for this change').fill('Passport photo and date of birth match the warrant')
  await queued.getByRole('button', { name: 'Record decision' }).click()
  await expect(page.getByText('No hits to show.')).toBeVisible()
  await page.getByLabel('Show').selectOption('decided')
  await expect(page.getByRole('article', { name: /Hit:/ })).toContainText(
    'Reason: Passport photo and date of birth match the warrant',
  )

  await page.getByRole('button', { name: 'Sign out' }).click()

  // The owning agency is told that its entry was confirmed.
  await signIn(page, 'investigator')
  await page.goto('/screening/hits')
  await expect(page.getByRole('region', { name: 'Confirmed hits on your lists' })).toContainText(
    'Chhay Sokha',
  )
})
