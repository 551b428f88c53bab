import { expect, requireChromium, signIn, test } from './fixtures.ts'

test.beforeEach(() => requireChromium())

/**
 * The supervisor's queue of conflicts from offline posts (the demo seeds one of each kind at Poipet): the two records
 * side by side, a decision refused without a reason, then recorded with one; nothing merged, both records kept.
 */
test('a supervisor compares the two records of each offline conflict and records a decision, in English and Khmer', async ({
  page,
}) => {
  await signIn(page, 'supervisor.poipet')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Offline conflicts' })
    .click()
  await expect(page.getByRole('heading', { name: 'Conflicts from offline posts' })).toBeVisible()
  // One card per conflict (the layout's shift panel is a region too).
  const queue = page.locator('main section.card')

  const double = page.getByRole('region', { name: 'Same traveller entering at two posts' })
  await expect(
    double.getByRole('row', {
      name: 'Post Bavet International Border Checkpoint Poipet International Border Checkpoint',
    }),
  ).toBeVisible()
  await expect(double.getByRole('row', { name: 'Direction Entry Entry' })).toBeVisible()
  await expect(double.getByRole('row', { name: 'Document number C4471029 C4471029' })).toBeVisible()
  const exit = page.getByRole('region', { name: 'Exit recorded for an entry at another post' })
  await expect(
    exit.getByRole('row', {
      name: "Post O'Smach International Border Checkpoint Poipet International Border Checkpoint",
    }),
  ).toBeVisible()
  await expect(exit.getByRole('row', { name: 'Direction Entry Exit' })).toBeVisible()
  const returnee = page.getByRole('region', { name: 'Returnee registered at two posts' })
  await expect(returnee.getByRole('row', { name: 'Name in Khmer ចាន់ សុភា ចាន់ សុភា' })).toBeVisible()
  await expect(queue).toHaveCount(3)

  // A decision needs its reason: refused with a message at the field, nothing recorded.
  await double.getByRole('button', { name: 'Record the decision' }).click()
  await expect(double.getByRole('alert').first()).toBeVisible()
  await expect(queue).toHaveCount(3)

  await double
    .getByLabel('Your decision and its reason')
    .fill('Same passport; the Bavet entry was keyed from a photocopy and cancelled there.')
  await double.getByRole('button', { name: 'Record the decision' }).click()
  await expect(queue).toHaveCount(2)
  await page.getByLabel('Show').selectOption('all')
  await expect(queue).toHaveCount(3)
  await expect(
    page
      .getByRole('region', { name: 'Same traveller entering at two posts' })
      .getByText(/^Decided by supervisor\.poipet on .*: Same passport; the Bavet entry/),
  ).toBeVisible()

  // The same queue in Khmer: the kinds, the columns and the decision.
  await page.getByRole('button', { name: 'ខ្មែរ' }).click()
  await expect(page.getByRole('heading', { name: 'ករណីជាន់គ្នាពីប៉ុស្តិ៍ដែលដាច់បណ្តាញ' })).toBeVisible()
  await page.getByLabel('បង្ហាញ').selectOption('open')
  const khExit = page.getByRole('region', { name: 'ការចេញត្រូវបានកត់ត្រា សម្រាប់ការចូលនៅប៉ុស្តិ៍ផ្សេង' })
  await expect(khExit.getByRole('columnheader', { name: 'មកដល់ពីប៉ុស្តិ៍' })).toBeVisible()
  await khExit.getByLabel('ការសម្រេចរបស់អ្នក និងហេតុផល').fill('ការចូលនៅអូរស្មាច់ ត្រឹមត្រូវ។')
  await khExit.getByRole('button', { name: 'កត់ត្រាការសម្រេច' }).click()
  await expect(queue).toHaveCount(1)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('region', { name: 'Returnee registered at two posts' })).toBeVisible()
})
