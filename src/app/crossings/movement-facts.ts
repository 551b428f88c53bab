import { sql } from 'kysely'
import type { CrossingDecision, Direction, PastMovement } from '../../domain/crossings/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import { together } from '../../platform/db/send-together.ts'

/** The document a decision is about, with its traveller's row locked: one statement. */
function lockDocumentTraveller(trx: Tx, documentId: string) {
  return trx
    .selectFrom('travel_documents as d')
    .innerJoin('travellers as t', 't.id', 'd.traveller_id')
    .select(['d.id', 'd.traveller_id', 't.birth_date'])
    .where('d.id', '=', documentId)
    .forUpdate('t')
}

/**
 * The document with its traveller locked, and every fact after the lock: two statements, one round trip
 * (`together`). PostgreSQL runs the second only once the first has its lock, so its snapshot sees the movement
 * committed by the officer the lock waited for, as when each went alone.
 */
export async function lockDocumentWithFacts(
  trx: Tx,
  o: Omit<FactsQuery, 'traveller'> & { documentId: string },
): Promise<{ document: LockedDocument; facts: MovementFacts } | undefined> {
  const [locked, facts] = await together(trx, [
    lockDocumentTraveller(trx, o.documentId),
    factsQuery({ ...o, traveller: { documentId: o.documentId } }),
  ])
  const row = locked[0]
  if (!row) return undefined
  return {
    document: { documentId: row.id, travellerId: row.traveller_id, birthDate: row.birth_date },
    facts: readFacts(facts[0]!),
  }
}

export interface LockedDocument {
  documentId: string
  travellerId: string
  birthDate: string | null
}

/** Everything a decision is judged on once the traveller is locked. */
export interface MovementFacts {
  /** Post of the traveller's undecided secondary inspection, if one is open. */
  openSecondaryPost: string | null
  evaluation: { postCode: string | null; used: boolean } | null
  screening: { postCode: string | null; crossingId: string | null } | null
  history: PastMovement[]
  companionBirths: Map<string, string | null>
}

interface FactsQuery {
  /** The traveller, or the document whose traveller it is (read in the same statement). */
  traveller: { id: string } | { documentId: string }
  riskEvaluationId: string | null
  screeningRequestId: string | null
  companionIds: readonly string[]
}

interface FactsRow {
  open_secondary: string | null
  evaluation: { postCode: string | null; used: boolean } | null
  screening: { postCode: string | null; crossingId: string | null } | null
  history: {
    id: string
    direction: string
    decision: string
    day: string
    postCode: string
    permittedStayDays: number | null
  }[]
  companions: { id: string; birthDate: string | null }[]
}

/**
 * Every fact the recording of one movement needs, in a single statement after the traveller's lock: the open
 * secondary inspection, the linked evaluation and screening request, the whole movement record (oldest first, as
 * `crossingsOf` orders it) and the companions' birth dates. It must be a statement of its own after the lock: the
 * snapshot of the statement that waited for the lock would not see the movement committed by the officer it waited
 * for.
 */
function factsQuery(o: FactsQuery) {
  const traveller =
    'id' in o.traveller
      ? sql`${o.traveller.id}::uuid`
      : sql`(SELECT traveller_id FROM travel_documents WHERE id = ${o.traveller.documentId}::uuid)`
  return sql<FactsRow>`WITH me AS (SELECT ${traveller} AS id) SELECT
      (SELECT post_code FROM secondary_inspections
        WHERE traveller_id = (SELECT id FROM me) AND decided_at IS NULL LIMIT 1) AS open_secondary,
      (SELECT json_build_object('postCode', e.post_code,
          'used', EXISTS (SELECT 1 FROM crossings c WHERE c.risk_evaluation_id = e.id))
        FROM risk_evaluations e WHERE e.id = ${o.riskEvaluationId}::uuid) AS evaluation,
      (SELECT json_build_object('postCode', s.post_code, 'crossingId', s.crossing_id)
        FROM screening_requests s WHERE s.id = ${o.screeningRequestId}::uuid) AS screening,
      (SELECT coalesce(json_agg(json_build_object('id', c.id, 'direction', c.direction, 'decision', c.decision,
          'day', c.crossed_on, 'postCode', c.post_code, 'permittedStayDays', c.permitted_stay_days)
          ORDER BY c.crossed_at, c.id), '[]'::json)
        FROM crossings c WHERE c.traveller_id = (SELECT id FROM me)) AS history,
      (SELECT coalesce(json_agg(json_build_object('id', t.id, 'birthDate', t.birth_date)), '[]'::json)
        FROM travellers t WHERE t.id = ANY(${[...o.companionIds]}::uuid[])) AS companions`
}

function readFacts(r: FactsRow): MovementFacts {
  return {
    openSecondaryPost: r.open_secondary,
    evaluation: r.evaluation,
    screening: r.screening,
    history: r.history.map((h) => ({
      id: h.id,
      direction: h.direction as Direction,
      decision: h.decision as CrossingDecision,
      day: h.day,
      postCode: h.postCode,
      permittedStayDays: h.permittedStayDays,
    })),
    companionBirths: new Map(r.companions.map((c) => [c.id, c.birthDate])),
  }
}

/** The facts of a traveller whose row the caller has locked (the secondary path). */
export async function movementFacts(trx: Tx, o: Omit<FactsQuery, 'traveller'> & { travellerId: string }) {
  const { rows } = await factsQuery({ ...o, traveller: { id: o.travellerId } }).execute(trx)
  return readFacts(rows[0]!)
}
