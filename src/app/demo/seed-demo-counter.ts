import type { Db, Tx } from '../../platform/db/database.ts'
import { inspectTraveller } from '../crossings/inspect-traveller.ts'
import { recordCrossing } from '../crossings/record-crossing.ts'
import { actorFromUser, type RequestActor } from '../identity/actor.ts'
import { adjudicateHit } from '../screening/adjudicate-hit.ts'
import { PersonEntryInput } from '../screening/entry-input.ts'
import { addEntry } from '../screening/manage-entries.ts'
import { createWatchlist } from '../screening/manage-watchlists.ts'
import { ScreeningIndex } from '../screening/screening-index.ts'
import { seedDemoAlerts, seedDemoNgoReferral } from './demo-inboxes.ts'
import { seedDemoReturnList } from './demo-return-list.ts'
import { seedTodaysTraffic } from './todays-traffic.ts'

/** Travellers the Poipet counter inspects in the demo: the first ones are on the police list, the rest refer. */
const LISTED = 3
const REFERRED = 2

export interface DemoCounterReport {
  crossingsToday: number
  byPost: Record<string, number>
  hitsOpen: number
  secondaryOpen: number
  notifications: number
  /** Risk alerts waiting in the police inbox. */
  alerts: number
  returnListRows: number
}

async function actor(trx: Tx, username: string): Promise<RequestActor | null> {
  const user = await trx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  return user ? actorFromUser(user, null) : null
}

/**
 * The counter's side of the demo day at Poipet and Bavet: today's traffic by hour, a police list with three of
 * the day's travellers on it, their inspections (screening hits, two awaiting adjudication, one confirmed by the
 * investigator so the police inbox has it), two travellers referred to secondary inspection and still in the
 * queue, risk alerts in the police inbox, and a return list from Thailand imported at Poipet. Everything after the bulk traffic goes through the
 * screens' own use cases, so the rows, the audit and the rules are as an officer's. A database without the demo
 * users gets nothing.
 */
export async function seedDemoCounter(o: { db: Db; crossings?: number }): Promise<DemoCounterReport | null> {
  const { db } = o
  const officer = await db.transaction().execute((trx) => actor(trx, 'officer.poipet'))
  const investigator = await db.transaction().execute((trx) => actor(trx, 'investigator'))
  if (!officer || !investigator) return null
  const traffic = await seedTodaysTraffic({ db, crossings: o.crossings ?? 240, waiting: LISTED + REFERRED })
  const listed = traffic.waiting.slice(0, LISTED)

  await db.transaction().execute(async (trx) => {
    const list = await createWatchlist({
      trx,
      actor: investigator,
      list: {
        name: 'NPC anti-trafficking: persons of interest (demo)',
        ownerAgency: 'NPC',
        kind: 'persons',
        description: 'Suspected recruiters for scam compounds, for the demo day.',
      },
      reason: 'Demo day: a list for the counter to screen against',
    })
    for (const w of listed)
      await addEntry({
        trx,
        actor: investigator,
        listId: list.id,
        reason: 'Demo day: recruiter named by returnees at Poipet',
        kind: 'person',
        entry: PersonEntryInput.parse({
          names: [`${w.traveller.surname.toUpperCase()} ${w.traveller.givenNames.toUpperCase()}`],
          birthDate: w.traveller.birthDate,
          nationality: [w.traveller.nationality],
          sex: w.traveller.sex,
          category: 'suspected_trafficker',
          handling: 'Refer to secondary inspection; call the NPC duty desk.',
        }),
      })
  })

  // The counter inspects each waiting traveller; the index is this run's own, built from the list just written.
  const index = new ScreeningIndex()
  const hitIds: string[] = []
  let secondaryOpen = 0
  for (const [i, w] of traffic.waiting.entries()) {
    // Inspect and record in one transaction: the recording reads the evaluation and screening request the
    // inspection deferred, and reading their tables sends them first (`platform/db/deferred-writes.ts`).
    await db.transaction().execute(async (trx) => {
      const inspection = await inspectTraveller({ trx, actor: officer, index, documentId: w.documentId })
      hitIds.push(...inspection.screening.hits.map((h) => h.id))
      if (i < LISTED) return
      await recordCrossing({
        trx,
        actor: officer,
        crossing: {
          documentId: w.documentId,
          counter: 'A2',
          direction: 'entry',
          decision: 'refer_secondary',
          refusalReason: null,
          purpose: 'work',
          permit: null,
          transport: null,
          companions: [],
          riskEvaluationId: inspection.risk.id,
          screeningRequestId: inspection.screening.requestId,
          referralNote: 'Says a recruiter met him at the border; job offer over Telegram; no contract.',
        },
      })
      secondaryOpen++
    })
  }
  // The investigator confirms the first hit, which puts it in the police inbox; the others await adjudication.
  const [confirmed] = hitIds
  if (confirmed)
    await db.transaction().execute((trx) =>
      adjudicateHit({
        trx,
        actor: investigator,
        hitId: confirmed,
        outcome: 'true_match',
        reason: 'Same person as the recruiter named in case file NPC-2026-031',
      }),
    )
  const returnListRows = await seedDemoReturnList({ db, actor: officer })
  const alerts = await seedDemoAlerts({ db, officer })
  await seedDemoNgoReferral({ db, officer })
  return {
    crossingsToday: traffic.crossings,
    byPost: traffic.byPost,
    hitsOpen: Math.max(0, hitIds.length - 1),
    secondaryOpen,
    notifications: confirmed ? 1 : 0,
    alerts,
    returnListRows,
  }
}
