import { generateMrz } from '../src/domain/documents/index.ts'
import { as, expect, readMrz, requireChromium, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

const passport = generateMrz({
  format: 'TD3',
  documentCode: 'P',
  issuingState: 'KHM',
  documentNumber: 'N07731907',
  nationality: 'KHM',
  surname: 'Heng',
  givenNames: 'Sovann',
  birthDate: '1988-06-21',
  sex: 'M',
  expiryDate: '2033-01-31',
}).lines

/** The horizontal gaps between the texts of consecutive header cells, in CSS pixels (not the cells' edges). */
function headerTextGaps(): number[] {
  const rects = [...document.querySelectorAll('[data-testid="crossing-history"] thead th')].map((th) => {
    const range = document.createRange()
    range.selectNodeContents(th)
    return range.getBoundingClientRect()
  })
  return rects.slice(1).map((r, i) => r.left - rects[i]!.right)
}

test('the history table at the counter keeps its English columns apart and names the post', async ({
  browser,
}) => {
  const page = await as(browser, 'officer.poipet')
  await page.goto('/crossings')
  await page.getByLabel('Machine-readable zone (MRZ)').focus()
  await readMrz(page, passport)
  await expect(page.getByRole('heading', { name: 'SOVANN HENG' })).toBeVisible()
  await page.getByRole('form', { name: 'Decision' }).getByLabel('Counter').fill('A2')
  await page.getByLabel('Purpose of travel').selectOption('family')
  await page.getByLabel('Purpose of travel').press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Recorded:' })).toBeVisible()

  await readMrz(page, passport)
  const history = page.getByTestId('crossing-history')
  await expect(history.getByRole('columnheader')).toHaveText(
    ['Day', 'Post', 'Direction', 'Decision', 'Stay (days)', 'Flags'],
    {
      useInnerText: true,
    },
  )
  // "DayPostDirection…" ran together: every heading's text now stands at least a few pixels from the next.
  const gaps = await page.evaluate(headerTextGaps)
  expect(gaps).toHaveLength(5)
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(8)
  // The post by its name, the day day-first, as on every other screen.
  await expect(history.getByRole('cell', { name: 'Poipet International Border Checkpoint' })).toBeVisible()
  await expect(history.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(
    /^\d{1,2} [A-Z][a-z]{2} \d{4}$/,
  )
  await expect(page.getByTestId('current-stay')).toContainText(
    'entered at Poipet International Border Checkpoint',
  )
})
