import { sql } from 'kysely'
import {
  type Decision,
  type PersonDetails,
  POSSIBLE_THRESHOLD,
  parseName,
  scoreParsed,
} from '../../domain/screening/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { Later } from '../../platform/db/send-together.ts'
import type { TravelDocumentRow, TravellerRow } from '../documents/documents.tables.ts'
import type { TravellerRef } from './crossings.repository.ts'

/** An earlier traveller who may be the holder of a newly seen document: a proposal, never a merge. */
export interface IdentityCandidate {
  traveller: Pick<TravellerRow, 'id' | 'surname' | 'given_names' | 'birth_date' | 'sex' | 'nationality'>
  score: number
  decision: Exclude<Decision, 'no-match'>
  documents: { issuingState: string; documentCode: string; documentNumber: string }[]
  crossings: number
  lastCrossing: { day: string; postCode: string; direction: string } | null
}

// More than a handful of proposals would not be read at a counter; the prefilter bounds the matcher's work.
const PROPOSALS = 5
const PREFILTER = 200
/** Name matches whose documents are asked for at once: room for a few linked-away ones among the proposals. */
const WINDOW = PROPOSALS * 4

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
 * Travellers born on a day `born` can be, other than `besides`: the prefilter of the proposals. Only the columns
 * the covering index holds (migration 0043), so no heap page is read per traveller born that day. The limit is a
 * literal, not a parameter: a prepared statement's generic plan costs a parameter limit as a tenth of the rows, and
 * on the crossings bench's database (3,485 travellers) it then read every traveller instead of the index, 0.5 ms of
 * the server's time per new passport (`identify-plan.test.ts` forces the generic plan). Asked beside a document's
 * holder before the document is stored, with it (`inspection-arrival.ts`), it excludes no one for a document seen
 * for the first time (its traveller is not written yet, and the holder is null: hence `is distinct from`).
 */
export function sameBirthDate(db: Executor, born: string, besides: TravellerRef) {
  return db
    .selectFrom('travellers as t')
    .select(['t.id', 't.surname', 't.given_names', 't.birth_date', 't.sex', 't.nationality'])
    .where('t.birth_date', 'in', birthDateForms(born))
    .where('t.id', typeof besides === 'string' ? '!=' : 'is distinct from', besides)
    .limit(sql.lit(PREFILTER))
}

export type SameBirthDateRow = Awaited<ReturnType<ReturnType<typeof sameBirthDate>['execute']>>[number]

/**
 * Earlier travellers with the same birth date and a name the screening matcher finds alike (Khmer romanisation
 * variants, transliteration, order), for a document seen for the first time. A known document gets none.
 */
export async function identityCandidates(o: {
  db: Executor
  document: TravelDocumentRow
  traveller: TravellerRow
  /** Already known by the caller (the inspection knows whether it just created the document, and the history). */
  newlySeen?: boolean
  /** `sameBirthDate`, already sent by the caller with its other reads (`sendWithNext`). */
  bornSameDay?: Later<SameBirthDateRow>
}): Promise<IdentityCandidate[]> {
  const born = o.traveller.birth_date
  if (!born || !(o.newlySeen ?? (await isNewlySeen(o.db, o.document)))) return []
  const rows = o.bornSameDay
    ? await o.bornSameDay.rows()
    : await sameBirthDate(o.db, born, o.traveller.id).execute()
  // The passport's name is parsed once, not once per traveller born that day (about a hundred at a busy post),
  // and each comparison is scored without the explanation a proposal never shows (`scoreParsed`).
  const mine = details(o.traveller)
  const parsed = parseName(mine.name)
  const scored = rows
    .map((row) => {
      const theirs = details(row)
      return { row, result: scoreParsed(parsed, parseName(theirs.name), mine, theirs) }
    })
    .filter((x) => x.result.score >= POSSIBLE_THRESHOLD)
    .sort((a, b) => b.result.score - a.result.score)
  // A traveller left without documents was linked into another one: never proposed again. Asked of the best name
  // matches a window at a time, not of every traveller born that day (a random index read each, 10 ms at 2.5M
  // travellers); a further window only when linked-away travellers crowded the first out of its proposals.
  const held: IdentityCandidate[] = []
  for (let from = 0; from < scored.length && held.length < PROPOSALS; from += WINDOW) {
    const window = scored.slice(from, from + WINDOW)
    const about = await aboutTravellers(
      o.db,
      window.map((x) => x.row.id),
    )
    for (const { row, result } of window) {
      const a = about.get(row.id)
      if (!a || a.documents.length === 0 || held.length === PROPOSALS) continue
      held.push({
        traveller: row,
        score: result.score,
        decision: result.decision === 'match' ? 'match' : 'possible',
        documents: a.documents,
        crossings: Number(a.crossings),
        lastCrossing: a.last,
      })
    }
  }
  return held
}

/** One statement for the documents, the number of crossings and the last crossing of each of `ids`. */
async function aboutTravellers(db: Executor, ids: string[]) {
  const { rows } = await sql<{
    id: string
    documents: IdentityCandidate['documents']
    crossings: number
    last: IdentityCandidate['lastCrossing']
  }>`SELECT t.id,
      (SELECT coalesce(json_agg(json_build_object('issuingState', d.issuing_state, 'documentCode', d.document_code,
          'documentNumber', d.document_number) ORDER BY d.last_seen_at DESC), '[]'::json)
        FROM travel_documents d WHERE d.traveller_id = t.id) AS documents,
      (SELECT count(*) FROM crossings c WHERE c.traveller_id = t.id) AS crossings,
      (SELECT json_build_object('day', c.crossed_on, 'postCode', c.post_code, 'direction', c.direction)
        FROM crossings c WHERE c.traveller_id = t.id ORDER BY c.crossed_at DESC LIMIT 1) AS last
    FROM unnest(${ids}::uuid[]) AS t(id)`.execute(db)
  return new Map(rows.map((a) => [a.id, a]))
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
