import type { HitDetailRow } from './hits.repository.ts'

/**
 * What an officer sees of a hit. A confidential entry shows only the name that matched, the category and the
 * handling instructions: the rest stays with the owning agency.
 */
export function presentHit(h: HitDetailRow) {
  const explanation = h.explanation as { matchedName?: string } & Record<string, unknown>
  const sensitivity = (h.person_sensitivity ?? h.document_sensitivity ?? 'normal') as string
  const confidential = sensitivity === 'confidential'
  const names = (h.person_names as string[] | null) ?? []
  return {
    id: h.id,
    requestId: h.request_id,
    kind: h.kind as 'name' | 'document',
    score: Math.round(Number(h.score) * 1000) / 1000,
    decision: h.decision,
    explanation,
    status: h.status,
    postCode: h.post_code,
    agencyCode: h.agency_code,
    adjudication: h.adjudicated_at
      ? { reason: h.adjudication_reason ?? '', by: h.adjudicated_by, at: h.adjudicated_at.toISOString() }
      : null,
    createdAt: h.created_at.toISOString(),
    entry: {
      id: (h.person_id ?? h.document_id)!,
      kind: h.person_id ? ('person' as const) : ('document' as const),
      listName: h.list_name,
      ownerAgency: h.owner_agency,
      sensitivity,
      category: h.person_category ?? null,
      names: confidential ? names.filter((n) => n === explanation.matchedName) : names,
      birthDate: confidential ? null : (h.person_birth_date ?? null),
      nationality: confidential ? [] : ((h.person_nationality as string[] | null) ?? []),
      sex: confidential ? null : (h.person_sex ?? null),
      handling: h.person_handling ?? h.document_handling ?? '',
      document: h.document_number
        ? {
            issuingState: h.document_state ?? '',
            type: h.document_type ?? null,
            number: h.document_number,
            status: h.document_status ?? '',
          }
        : null,
    },
  }
}

export type HitView = ReturnType<typeof presentHit>
