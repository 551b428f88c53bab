import { syntheticReturnees } from '../domain/returns/synthetic-returnees.ts'
import type { Db, Tx } from '../platform/db/database.ts'
import { actorFromUser, type RequestActor } from './identity/actor.ts'
import { answerReferral } from './protection/answer-referral.ts'
import { changeCase } from './protection/change-case.ts'
import { POIPET_TRANSIT_CENTRE } from './protection/seed-providers.ts'
import { registerReturnee } from './returns/register-returnee.ts'

/** Where each case of the demo day stops, in MoSVY's stages: one or more of each, so every screen has one. */
const CASE_STAGES = ['registered', 'assigned', 'assessed', 'planPendingApproval', 'integration'] as const
type Stage = (typeof CASE_STAGES)[number]

export interface DemoDayReport {
  returnees: number
  referralsWaiting: number
  cases: Record<Stage, number>
}

const REASONS = [
  'Says she was held in a scam compound in Poipet for four months',
  'Came back alone; her passport was taken by the employer',
  'Recruited online for a call-centre job; not paid, not free to leave',
  'Bruises on the arms; says the boat crew beat them',
]

async function actor(trx: Tx, username: string): Promise<RequestActor | null> {
  const user = await trx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  return user ? actorFromUser(user, null) : null
}

/**
 * Today's protection work at Poipet and Bavet for a new demo database, written through the same use cases as the
 * screens (so every row, audit entry and rule is as a real officer's): returnees registered since the morning,
 * the trafficking-flagged ones referred to MoSVY's Poipet transit centre with the flag and a reason (consent and
 * identification left to the social worker, as in a mass return), two still waiting for an answer, and the
 * accepted ones carried to each stage of a case. A trainer can then open every protection screen on the first
 * start. Run once, when the demo users are created; a database without them gets nothing.
 */
export async function seedDemoDay(o: {
  db: Db
  count?: number
  seed?: number
}): Promise<DemoDayReport | null> {
  const report: DemoDayReport = {
    returnees: 0,
    referralsWaiting: 0,
    cases: { registered: 0, assigned: 0, assessed: 0, planPendingApproval: 0, integration: 0 },
  }
  const referrals: string[] = []
  const count = o.count ?? 28
  const people = [...syntheticReturnees({ seed: o.seed ?? 16, count, rangeDays: 1 })]
  let flagged = 0
  for (const [i, r] of people.entries()) {
    const registered = await o.db.transaction().execute(async (trx) => {
      // Poipet's officer registers at his post; at Bavet the MoSVY social worker registers, naming the post.
      const atPoipet = i % 3 !== 2
      const who = await actor(trx, atPoipet ? 'officer.poipet' : 'socialworker')
      if (!who) return null
      // Every fourth returnee shows signs of trafficking: the officer flags and refers with a short reason.
      const refer = i % 4 === 1
      const triageFlags = refer
        ? [...new Set([...r.triageFlags, 'trafficking_indicators' as const])]
        : r.triageFlags
      return registerReturnee({
        trx,
        actor: who,
        postCode: atPoipet ? 'LAND-POIPET' : 'LAND-BAVET',
        returnee: {
          familyLatin: r.familyLatin,
          givenLatin: r.givenLatin,
          familyKhmer: r.familyKhmer,
          givenKhmer: r.givenKhmer,
          sex: r.sex,
          birthDate: null,
          estimatedAge: r.age,
          nationality: 'KHM',
          originProvince: r.originProvince,
          originDistrict: null,
          returnProvince: r.returnProvince,
          returnDistrict: null,
          phone: null,
          groupId: null,
          returnType: r.returnType,
          triageFlags: triageFlags.filter(
            (f) => f !== 'child' && (f !== 'unaccompanied_child' || r.age < 18),
          ),
          needs: r.needs,
        },
        referral: refer
          ? {
              providerId: POIPET_TRANSIT_CENTRE,
              services: ['shelter'],
              note: REASONS[flagged++ % REASONS.length]!,
              consents: [],
              answers: {},
            }
          : null,
      })
    })
    if (!registered) return null
    report.returnees++
    if (registered.referral_id) referrals.push(registered.referral_id)
  }
  // The first two referrals wait at MoSVY; each one after is accepted and taken to the next stage of a case.
  for (const [i, referralId] of referrals.entries()) {
    if (i < 2) {
      report.referralsWaiting++
      continue
    }
    const stage = CASE_STAGES[(i - 2) % CASE_STAGES.length]!
    await o.db.transaction().execute((trx) => advanceCase(trx, referralId, stage))
    report.cases[stage]++
  }
  return report
}

async function advanceCase(trx: Tx, referralId: string, stage: Stage): Promise<void> {
  const worker = (await actor(trx, 'socialworker'))!
  const manager = (await actor(trx, 'casemanager'))!
  const accepted = await answerReferral({ trx, actor: worker, referralId, command: { type: 'accept' } })
  const caseId = accepted.case_id!
  const steps: [RequestActor, Parameters<typeof changeCase>[0]['command']][] = [
    [manager, { type: 'assign', caseWorkerId: worker.id }],
    [
      worker,
      { type: 'completeAssessment', summary: 'Interviewed at the transit centre; needs shelter and care.' },
    ],
    [worker, { type: 'submitPlan', goals: ['Safe return home', 'Vocational training'] }],
    [manager, { type: 'approvePlan' }],
  ]
  const upTo = CASE_STAGES.indexOf(stage)
  for (const [who, command] of steps.slice(0, upTo)) await changeCase({ trx, actor: who, caseId, command })
}
