import { type RawBuilder, sql } from 'kysely'
import {
  normaliseDocumentNumber,
  normaliseIssuingState,
  ocrCanonical,
  ocrVariants,
} from '../../domain/screening/index.ts'
import { type HitEntry, hitEntry, PERSON_ENTRY } from './hits.repository.ts'

export interface DocumentHit {
  kind: 'person' | 'document'
  entryId: string
  listId: string
  ownerAgency: string
  listedNumber: string
  exact: boolean
  entry: HitEntry
  /** Adjudicated a false positive for this traveller before (`screening_dismissals`): raised no more. */
  dismissed: boolean
}

/**
 * Exact lookup of a document by issuing state and number, tolerating the characters OCR of the MRZ confuses:
 * both sides are indexed under their OCR-canonical form, and a candidate counts only when it is the number
 * itself or one of its variants with at most two characters swapped. Each hit comes with what the officer is shown
 * of its entry and whether it was dismissed for `travellerKey`, so the screening needs no further read. The query
 * and the reading of its rows come apart, so the screening can send it with its name lookup in one round trip;
 * null for a document no list could hold.
 */
export function documentHitsLookup(
  document: { issuingState: string; number: string },
  today: string,
  travellerKey: string,
) {
  const state = normaliseIssuingState(document.issuingState)
  const number = normaliseDocumentNumber(document.number)
  if (!state || !number) return null
  const key = ocrCanonical(number)
  const query = sql<{
    kind: 'person' | 'document'
    id: string
    list_id: string
    owner: string
    number: string
    list_name: string
    entry: Partial<HitEntry>
    dismissed: boolean
  }>`
    SELECT 'document' AS kind, d.id, d.list_id, l.owner_agency AS owner, d.number, l.name AS list_name,
      json_build_object('document_state', d.issuing_state, 'document_type', d.document_type,
        'document_number', d.number, 'document_status', d.status, 'document_handling', d.handling,
        'document_sensitivity', d.sensitivity) AS entry,
      EXISTS (SELECT 1 FROM screening_dismissals x WHERE x.traveller_key = ${travellerKey} AND x.entry_id = d.id)
        AS dismissed
    FROM watchlist_documents d JOIN watchlists l ON l.id = d.list_id
    WHERE d.ocr_key = ${key} AND d.issuing_state = ${state} AND d.removed_at IS NULL AND l.active
      AND (d.valid_from IS NULL OR d.valid_from <= ${today}) AND (d.valid_until IS NULL OR d.valid_until >= ${today})
    UNION ALL
    SELECT 'person' AS kind, p.id, p.list_id, l.owner_agency AS owner, pd.number, l.name AS list_name,
      ${PERSON_ENTRY} AS entry,
      EXISTS (SELECT 1 FROM screening_dismissals x WHERE x.traveller_key = ${travellerKey} AND x.entry_id = p.id)
        AS dismissed
    FROM watchlist_person_documents pd JOIN watchlist_persons p ON p.id = pd.person_id
      JOIN watchlists l ON l.id = p.list_id
    WHERE pd.ocr_key = ${key} AND (pd.issuing_state IS NULL OR pd.issuing_state = ${state})
      AND p.removed_at IS NULL AND l.active
      AND (p.valid_from IS NULL OR p.valid_from <= ${today}) AND (p.valid_until IS NULL OR p.valid_until >= ${today})
    LIMIT 50`
  const read = (rows: QueryRow<typeof query>[]): DocumentHit[] => {
    const variants = new Set(ocrVariants(number, { maxChanges: 2, limit: 256 }))
    const hits: DocumentHit[] = []
    const seen = new Set<string>()
    for (const r of rows) {
      const listed = normaliseDocumentNumber(r.number)
      if (!variants.has(listed) || seen.has(r.id)) continue
      seen.add(r.id)
      hits.push({
        kind: r.kind,
        entryId: r.id,
        listId: r.list_id,
        ownerAgency: r.owner,
        listedNumber: r.number,
        exact: listed === number,
        entry: hitEntry(r.list_name, r.entry),
        dismissed: r.dismissed,
      })
    }
    return hits
  }
  return { query, read }
}

type QueryRow<Q> = Q extends RawBuilder<infer R> ? R : never
