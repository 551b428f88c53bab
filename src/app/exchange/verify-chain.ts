import type { Executor } from '../../platform/db/database.ts'
import { messageHash } from './envelope.ts'

export interface ChainCheck {
  ok: boolean
  /** Messages walked, and how many of them are past retention (checked by their hashes only). */
  checked: number
  purged: number
  /**
   * Received lines only: places where the sender's `prev` names a message we never stored — one we refused (a
   * refusal keeps nothing but its audit entry) or one still on its way. The sender's own line has none.
   */
  gaps: number
  /** The first message that does not verify, and why. */
  broken: { id: string; why: 'hash' | 'link' } | null
}

/**
 * Walks the line of messages between this instance and one partner, one direction, in the order they were sent:
 * each message's `prev` must be the hash of the one before, and a message still holding its signed bytes must hash
 * to its recorded hash. A purged message has only its hashes left, which is enough to keep the line whole.
 */
export async function verifyMessageChain(
  db: Executor,
  partner: string,
  direction: 'in' | 'out',
): Promise<ChainCheck> {
  const rows = await db
    .selectFrom('exchange_messages')
    .select(['id', 'jws', 'hash', 'prev_hash', 'purged_at'])
    .where('partner_code', '=', partner)
    .where('direction', '=', direction)
    .orderBy('sent_at')
    .orderBy('created_at')
    .execute()
  let prev: string | null = null
  let purged = 0
  let gaps = 0
  const seen = new Set<string>()
  for (const [i, r] of rows.entries()) {
    if (r.purged_at) purged++
    if (r.jws !== null && messageHash(r.jws) !== r.hash)
      return { ok: false, checked: i + 1, purged, gaps, broken: { id: r.id, why: 'hash' } }
    // The first message kept here may follow ones sent before this instance kept any (prev unknown to us).
    if (i > 0 && r.prev_hash !== prev) {
      // A received message may follow one we refused, but never point back into the line we hold.
      if (direction === 'out' || r.prev_hash === null || seen.has(r.prev_hash))
        return { ok: false, checked: i + 1, purged, gaps, broken: { id: r.id, why: 'link' } }
      gaps++
    }
    seen.add(r.hash)
    prev = r.hash
  }
  return { ok: true, checked: rows.length, purged, gaps, broken: null }
}
