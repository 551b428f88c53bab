import {
  compareNames,
  type Decision,
  type PersonDetails,
  POSSIBLE_THRESHOLD,
} from '../../domain/screening/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { TravelDocumentRow, TravellerRow } from '../documents/documents.tables.ts'

/** An earlier traveller who may be the holder of a newly seen document: a proposal, never a merge. */
export interface IdentityCandidate {
  traveller: TravellerRow
  score: number
  decision: Exclude<Decision, 'no-match'>
  documents: { issuingState: string; documentCode: string; documentNumber: string }[]
  crossings: number
  lastCrossing: { day: string; postCode: string; direction: string } | null
}

// More than a handful of proposals would not be read at a counter; the prefilter bounds the matcher's work.
const PROPOSALS = 5
const PREFILTER = 200

/**
 * The forms of a birth date that can be the same day: a full date meets itself and the month or year a document
 * gave when the day was unknown. Equality only, so the lookup stays on the index within the inspection's budget.
 */
export function birthDateForms(birthDate: string): string[] {
  const forms = [birthDate]
  if (birthDate.length >= 7) forms.push(birthDate.slice(0, 7))
  if (birthDate.length >= 4) forms.push(birthDate.slice(0, 4))
  return [...new Set(forms)]
}

const details = (t: {
  surname: string
  given_names: string
  birth_date: string | null
  sex: string | null
}) =>
  ({
    name: `${t.given_names} ${t.surname}`.trim(),
    birthDate: t.birth_date ?? undefined,
    // Nationality is left out on purpose: a second passport of another nationality is the case this is for.
    sex: t.sex === 'M' || t.sex === 'F' ? t.sex : undefined,
  }) satisfies PersonDetails

/** Whether the document's traveller was created for it: no crossing on record and no other document. */
export async function isNewlySeen(db: Executor, document: TravelDocumentRow): Promise<boolean> {
  const [crossing, other] = await Promise.all([
    db
      .selectFrom('crossings')
      .select('id')
      .where('traveller_id', '=', document.traveller_id)
      .limit(1)
      .execute(),
    db
      .selectFrom('travel_documents')
      .select('id')
      .where('traveller_id', '=', document.traveller_id)
      .where('id', '!=', document.id)
      .limit(1)
      .execute(),
  ])
  return crossing.length === 0 && other.length === 0
}

/**
 * Earlier travellers with the same birth date and a name the screening matcher finds alike (Khmer romanisation
 * variants, transliteration, order), for a document seen for the first time. A known document gets none.
 */
export async function identityCandidates(o: {
  db: Executor
  document: TravelDocumentRow
  traveller: TravellerRow
}): Promise<IdentityCandidate[]> {
  const born = o.traveller.birth_date
  if (!born || !(await isNewlySeen(o.db, o.document))) return []
  const rows = await o.db
    .selectFrom('travellers as t')
    .selectAll('t')
    .where('t.birth_date', 'in', birthDateForms(born))
    .where('t.id', '!=', o.traveller.id)
    // A traveller left without documents was linked into another one: never propose it again.
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('travel_documents as d').select('d.id').whereRef('d.traveller_id', '=', 't.id')),
    )
    .limit(PREFILTER)
    .execute()
  const mine = details(o.traveller)
  const scored = rows
    .map((row) => ({ row, result: compareNames(mine, details(row)) }))
    .filter((x) => x.result.score >= POSSIBLE_THRESHOLD)
    .sort((a, b) => b.result.score - a.result.score)
    .slice(0, PROPOSALS)
  if (scored.length === 0) return []
  const ids = scored.map((x) => x.row.id)
  const [documents, counts, lasts] = await Promise.all([
    o.db
      .selectFrom('travel_documents')
      .select(['traveller_id', 'issuing_state', 'document_code', 'document_number'])
      .where('traveller_id', 'in', ids)
      .orderBy('last_seen_at', 'desc')
      .execute(),
    o.db
      .selectFrom('crossings')
      .select(['traveller_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('traveller_id', 'in', ids)
      .groupBy('traveller_id')
      .execute(),
    o.db
      .selectFrom('crossings')
      .distinctOn('traveller_id')
      .select(['traveller_id', 'crossed_on', 'post_code', 'direction'])
      .where('traveller_id', 'in', ids)
      .orderBy('traveller_id')
      .orderBy('crossed_at', 'desc')
      .execute(),
  ])
  return scored.map(({ row, result }) => {
    const last = lasts.find((c) => c.traveller_id === row.id)
    return {
      traveller: row,
      score: result.score,
      decision: result.decision === 'match' ? 'match' : 'possible',
      documents: documents
        .filter((d) => d.traveller_id === row.id)
        .map((d) => ({
          issuingState: d.issuing_state,
          documentCode: d.document_code,
          documentNumber: d.document_number,
        })),
      crossings: Number(counts.find((c) => c.traveller_id === row.id)?.n ?? 0),
      lastCrossing: last
        ? { day: last.crossed_on, postCode: last.post_code, direction: last.direction }
        : null,
    }
  })
}

export function presentIdentityCandidate(c: IdentityCandidate) {
  return {
    travellerId: c.traveller.id,
    surname: c.traveller.surname,
    givenNames: c.traveller.given_names,
    birthDate: c.traveller.birth_date,
    sex: c.traveller.sex,
    nationality: c.traveller.nationality,
    score: Math.round(c.score * 100) / 100,
    decision: c.decision,
    documents: c.documents,
    crossings: c.crossings,
    lastCrossing: c.lastCrossing,
  }
}
