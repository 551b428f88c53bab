import { randomUUID } from 'node:crypto'
import { MESSAGE_TYPES, type MessageType } from '../../domain/exchange/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { applyMessage } from './apply-message.ts'
import { type Envelope, messageHash, type SigningKey, signEnvelope } from './envelope.ts'
import { ownAuthority } from './keys.ts'

export const DEMO_REPATRIATION_REF = 'TH-DEMO-0007'

/**
 * Demo data only: a victim Thailand referred and whose handover at Poipet is agreed for the demo's first day, so
 * the post board shows a handover for the border officer to record. The two messages are signed with the demo
 * partner key (its private half lives only during the seed) and stored and applied as the inbox would have them.
 */
export async function seedDemoHandover(trx: Tx, partner: string, agreement: string, key: SigningKey) {
  const self = await ownAuthority(trx)
  const ref = DEMO_REPATRIATION_REF
  const messages: [MessageType, Record<string, unknown>][] = [
    [
      'repatriation.referral',
      {
        prs_FirstName: 'Sophal',
        prs_SecondName: 'Kim',
        xch_FirstNameNative: 'សុផល',
        xch_SecondNameNative: 'គីម',
        prs_Birthdate: '2001-07-09',
        prs_Gender: 'Female',
        prs_Nationality: 'KH',
        vic_AgreementToManagePersonalData: 'yes',
        xch_RepatriationRef: ref,
      },
    ],
    [
      'repatriation.handover_agreed',
      {
        xch_HandoverDate: todayInCambodia(),
        xch_BorderPoint: 'LAND-POIPET',
        xch_Escorts: 'Two MSDHS social workers (demo)',
        xch_RepatriationRef: ref,
      },
    ],
  ]
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
        thread_ref: ref,
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
