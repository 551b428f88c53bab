import type { Agreement } from './agreement.ts'
import type { MessageType } from './message-types.ts'

/**
 * Retention (issue 17): a message past its agreement's retention for its type keeps only what carries no personal
 * data — which thread or list it belonged to and which follow-up month it reported — so the exchange's history
 * (counts, timers, the hash chain) outlives the payload. Everything else in it goes.
 */
export const KEPT_AFTER_RETENTION = ['xch_RepatriationRef', 'xch_ListRef', 'xch_FollowUpMonth'] as const

export function minimisedForRetention(content: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const f of KEPT_AFTER_RETENTION) if (Object.hasOwn(content, f)) kept[f] = content[f]
  return kept
}

/** The moment before which a message of `type` under `agreement` is past retention; null when none is set. */
export function retentionCutoff(agreement: Agreement, type: MessageType, now: Date): Date | null {
  const days = agreement.rules[type]?.retentionDays
  if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) return null
  return new Date(now.getTime() - days * 86_400_000)
}
