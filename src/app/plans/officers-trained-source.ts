import { sql } from 'kysely'
import { periodsBetween } from '../../domain/plans/periods.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { officersTrained } from '../training/officers-trained.ts'
import type { IndicatorSource, LiveCell } from './indicator-sources.ts'

/**
 * "Officers trained" (issue 14 §1 ← §2): distinct Passage users whose training was completed in the period, read
 * from the training records. These are counts of the state's own staff, which training reports publish as they are;
 * no protected person is in them, so no cell is withheld. A period before the first completed training, or not
 * yet begun, has no data.
 */
export const officersTrainedSource: IndicatorSource = async (o) => {
  const first = await o.read
    .selectFrom('training_participants')
    .where('user_id', 'is not', null)
    .select(sql<string | null>`min(completed_on)::text`.as('first'))
    .executeTakeFirst()
  const now = todayInCambodia()
  const out = new Map<string, LiveCell>()
  for (const p of periodsBetween(o.from, o.to, o.unit)) {
    if (!first?.first || p.to < first.first || p.from > now) {
      out.set(p.key, { value: null, status: 'no_data' })
      continue
    }
    const { total } = await officersTrained(o.read, { from: p.from, to: p.to })
    out.set(p.key, { value: total, status: 'published' })
  }
  return out
}
