import type { Db } from '../../platform/db/database.ts'
import type { RequestActor } from '../identity/actor.ts'
import { registerReturnee } from '../returns/register-returnee.ts'
import { evaluateCrossing } from '../risk/evaluate-crossing.ts'
import { recordDecision } from '../risk/record-decision.ts'

/**
 * Exits at Poipet that trip the trafficking indicators, as the counter saw them this morning: a young woman on her
 * first trip, her passport held by the man who paid the fare, a job offered on social media, bound for the scam
 * compounds at Myawaddy. The national rule set suggests notifying the police for each; the officer did.
 */
const EXITS = [
  { ageYears: 22, sex: 'female', samePhoneTravellers7d: 7 },
  { ageYears: 24, sex: 'female', samePhoneTravellers7d: 9 },
] as const

const NOTE =
  'Demo day: passport held by the man who paid the fare; job offered on Facebook; going to Myawaddy.'

/**
 * The alerts the demo day leaves in the agencies' risk inboxes: the police (NPC) get one per flagged exit, written
 * through the same evaluation and decision use cases as the counter's screens. Only the police are notified: the
 * national rule set suggests no notification of NCCT or MoSVY; the protection agencies' inboxes fill from referrals.
 */
export async function seedDemoAlerts(o: { db: Db; officer: RequestActor }): Promise<number> {
  let raised = 0
  for (const exit of EXITS) {
    await o.db.transaction().execute(async (trx) => {
      const evaluation = await evaluateCrossing({
        trx,
        actor: o.officer,
        postCode: o.officer.postCode,
        context: {
          traveller: {
            ageYears: exit.ageYears,
            sex: exit.sex,
            nationality: 'KHM',
            firstInternationalTrip: true,
          },
          document: { heldByTraveller: false },
          travel: {
            direction: 'exit',
            purpose: 'tourism',
            destinationArea: 'MMR:MYAWADDY',
            jobOfferChannel: 'social_media',
          },
          network: { samePhoneTravellers7d: exit.samePhoneTravellers7d },
        },
      })
      if (!evaluation.evaluation.actions.includes('notify_police')) return
      const { alerts } = await recordDecision({
        trx,
        actor: o.officer,
        evaluationId: evaluation.id,
        decision: 'secondary_interview',
        note: NOTE,
        notify: ['notify_police'],
      })
      raised += alerts.length
    })
  }
  return raised
}

const DAMNOK_TOEK_POIPET = '7a0c1d2e-0001-4000-8000-000000000002'

/**
 * A boy sent back alone this morning, referred by the Poipet officer to Damnok Toek's shelter, an NGO: the referral
 * waits in the NGO's inbox (MoSVY's waiting referrals come from the demo day's returnees).
 */
export async function seedDemoNgoReferral(o: { db: Db; officer: RequestActor }): Promise<string | null> {
  const registered = await o.db.transaction().execute((trx) =>
    registerReturnee({
      trx,
      actor: o.officer,
      postCode: o.officer.postCode,
      returnee: {
        familyLatin: 'Sorn',
        givenLatin: 'Pheakdey',
        familyKhmer: 'សន',
        givenKhmer: 'ភក្តី',
        sex: 'M',
        birthDate: null,
        estimatedAge: 15,
        nationality: 'KHM',
        originProvince: 'KH-1',
        originDistrict: null,
        returnProvince: 'KH-1',
        returnDistrict: null,
        phone: null,
        groupId: null,
        returnType: 'deportation',
        triageFlags: ['unaccompanied_child'],
        needs: ['shelter', 'food'],
      },
      referral: {
        providerId: DAMNOK_TOEK_POIPET,
        services: ['shelter', 'familyTracing'],
        note: 'Came back alone on the deportation bus; no family member at the border.',
        consents: [],
        answers: {},
      },
    }),
  )
  return registered.referral_id ?? null
}
