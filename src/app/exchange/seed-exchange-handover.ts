import { randomUUID } from 'node:crypto'
import { MESSAGE_TYPES, type MessageType } from '../../domain/exchange/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { applyMessage } from './apply-message.ts'
import { type Envelope, messageHash, type SigningKey, signEnvelope } from './envelope.ts'
import { ownAuthority } from './keys.ts'

export const DEMO_REPATRIATION_REF = 'TH-DEMO-0007'
/** Two demo victims: the post board's (Sophal Kim) and the exchange page's (Chanthy Ros). */
const DEMO_VICTIMS = [
  {
    ref: DEMO_REPATRIATION_REF,
    given: 'Sophal',
    family: 'Kim',
    givenKm: 'សុផល',
    familyKm: 'គីម',
    born: '2001-07-09',
  },
  {
    ref: 'TH-DEMO-0008',
    given: 'Chanthy',
    family: 'Ros',
    givenKm: 'ចន្ធី',
    familyKm: 'រស់',
    born: '1996-02-21',
  },
]

/**
 * Demo data only: victims Thailand referred and whose handover at Poipet is agreed for the demo's first day, so
 * the post board shows handovers for the border officer to record. The two messages are signed with the demo
 * partner key (its private half lives only during the seed) and stored and applied as the inbox would have them.
 */
export async function seedDemoHandover(trx: Tx, partner: string, agreement: string, key: SigningKey) {
  const self = await ownAuthority(trx)
  const messages: [MessageType, Record<string, unknown>][] = DEMO_VICTIMS.flatMap((v) => [
    [
      'repatriation.referral',
      {
        prs_FirstName: v.given,
        prs_SecondName: v.family,
        xch_FirstNameNative: v.givenKm,
        xch_SecondNameNative: v.familyKm,
        prs_Birthdate: v.born,
        prs_Gender: 'Female',
        prs_Nationality: 'KH',
        vic_AgreementToManagePersonalData: 'yes',
        xch_RepatriationRef: v.ref,
      },
    ],
    [
      'repatriation.handover_agreed',
      {
        xch_HandoverDate: todayInCambodia(),
        xch_BorderPoint: 'LAND-POIPET',
        xch_Escorts: 'Two MSDHS social workers (demo)',
        xch_RepatriationRef: v.ref,
      },
    ],
  ])
  let prev: string | null = null
  for (const [type, content] of messages) {
    const e: Envelope = {
      v: 1,
      id: randomUUID(),
      type,
      version: MESSAGE_TYPES[type].version,
      agreement,
      from: partner,
      to: self.code,
      sentAt: new Date().toISOString(),
      prev,
      content,
    }
    const jws = await signEnvelope(e, key)
    const hash = messageHash(jws)
    await trx
      .insertInto('exchange_messages')
      .values({
        id: e.id,
        direction: 'in',
        partner_code: partner,
        agreement_code: agreement,
        type,
        thread_ref: content.xch_RepatriationRef as string,
        content: JSON.stringify(content),
        jws,
        hash,
        prev_hash: prev,
        sent_at: e.sentAt,
        status: 'applied',
        sealed: null,
      })
      .execute()
    await applyMessage({ trx, self, partner, id: e.id, type, content })
    prev = hash
  }
}
