import {
  isMessageType,
  MESSAGE_TYPE_NAMES,
  minimisedForRetention,
  retentionCutoff,
} from '../../domain/exchange/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { type Every, type EveryLog, every } from '../../platform/schedule/every.ts'
import { toAgreement } from './agreements.ts'

/** The system that purges on the agreements' behalf: no user. */
const RETENTION_ACTOR = { id: null, username: 'exchange-retention', ip: null }
export const RETENTION_EVERY_MS = 3_600_000
/** At most this many messages per transaction, so a first purge of years of history never holds a long lock. */
const BATCH = 200

/**
 * Enforces each agreement's retention per message type, sent and received alike: a message past it keeps its id,
 * type, partner, times, status, hashes and receipt (so the chain between the parties still verifies, and counts
 * and follow-up timers still hold), while its content is cut to the non-personal thread fields and its signed and
 * sealed bytes are dropped. A message still waiting to be delivered is never purged. Each batch is one transaction
 * with its audit entry (ids and counts, never content). Returns how many messages were minimised.
 */
export async function purgeExpired(o: { db: Db; now?: Date }): Promise<number> {
  const now = o.now ?? new Date()
  const agreements = (await o.db.selectFrom('exchange_agreements').selectAll().execute()).map(toAgreement)
  let purged = 0
  for (const agreement of agreements)
    for (const type of MESSAGE_TYPE_NAMES) {
      const cutoff = retentionCutoff(agreement, type, now)
      if (!cutoff) continue
      for (;;) {
        const done = await o.db.transaction().execute(async (trx) => {
          const due = await trx
            .selectFrom('exchange_messages')
            .select(['id', 'direction', 'content'])
            .where('agreement_code', '=', agreement.code)
            .where('type', '=', type)
            .where('purged_at', 'is', null)
            .where('status', '!=', 'pending')
            .where('sent_at', '<', cutoff)
            .orderBy('sent_at')
            .limit(BATCH)
            .execute()
          const ids: string[] = []
          for (const m of due) {
            const updated = await trx
              .updateTable('exchange_messages')
              .set({
                content: JSON.stringify(minimisedForRetention(m.content)),
                jws: null,
                sealed: null,
                purged_at: now,
              })
              .where('id', '=', m.id)
              .where('direction', '=', m.direction)
              .where('purged_at', 'is', null)
              .returning('id')
              .executeTakeFirst()
            if (updated) ids.push(`${m.direction}:${m.id}`)
          }
          if (ids.length)
            await appendAudit(trx, RETENTION_ACTOR, {
              action: 'purge',
              resource: 'exchange_message',
              recordId: null,
              details: {
                agreement: agreement.code,
                type: isMessageType(type) ? type : null,
                retentionDays: agreement.rules[type]?.retentionDays ?? null,
                before: cutoff.toISOString(),
                count: ids.length,
                messages: ids,
              },
            })
          return { seen: due.length, purged: ids.length }
        })
        purged += done.purged
        if (done.seen < BATCH) break
      }
    }
  return purged
}

export function scheduleRetention(o: { db: Db; everyMs?: number; log: EveryLog }): Every {
  return every({
    ms: o.everyMs ?? RETENTION_EVERY_MS,
    work: async () => {
      await purgeExpired({ db: o.db })
    },
    log: o.log,
    failure: 'exchange retention purge failed',
    atStart: true,
  })
}
