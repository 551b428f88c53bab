import type { IndicatorHit } from '../../domain/risk/index.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import type { AlertListRow } from './alerts.repository.ts'

/** An alert in the receiving agency's inbox, with the reasons that raised it and when it escalates. */
export function presentAlert(a: AlertListRow, locale: Locale) {
  const hits = a.hits as IndicatorHit[]
  const hours = Number(a.hours)
  return {
    id: a.id,
    evaluationId: a.evaluation_id,
    agencyCode: a.agency_code,
    action: a.action,
    postCode: a.post_code,
    score: a.score,
    note: a.note,
    decision: a.decision,
    createdBy: a.created_by_name ?? '',
    createdAt: a.created_at.toISOString(),
    escalateAfterHours: hours,
    dueAt: new Date(a.created_at.getTime() + hours * 3_600_000).toISOString(),
    escalated: Boolean(a.escalated),
    hits: hits.map((h) => ({
      indicatorId: h.indicatorId,
      category: h.category,
      name: h.name[locale],
      reason: h.reason[locale],
      text: { name: h.name, reason: h.reason },
    })),
    acknowledgement: a.acknowledged_at
      ? {
          by: a.acknowledged_by_name ?? '',
          at: a.acknowledged_at.toISOString(),
          note: a.acknowledgement_note ?? '',
        }
      : null,
  }
}
