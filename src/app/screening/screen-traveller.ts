import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { POSSIBLE_THRESHOLD } from '../../domain/screening/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { ListsHead } from '../../platform/cache/cache-versions.ts'
import type { Tx } from '../../platform/db/database.ts'
import { deferWrite } from '../../platform/db/deferred-writes.ts'
import { type RowsOf, together } from '../../platform/db/send-together.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { documentHitsLookup } from './document-hits.ts'
import { type HitDetailRow, type HitEntry, hitEntry, PERSON_ENTRY } from './hits.repository.ts'
import { systemActor } from './manage-watchlists.ts'
import type { ScreeningIndex } from './screening-index.ts'
import { storableJson } from './storable.ts'
import { travellerKey } from './traveller-key.ts'

export interface ScreenedPerson {
  name: string
  birthDate?: string
  nationality?: string
  sex?: string
}

export interface ScreenedDocument {
  issuingState: string
  number: string
  type?: string
}

/**
 * The name search a screening makes: hits considered per search (enough for the rare name borne by many list
 * entries), down to the possible-match threshold.
 */
export const NAME_SEARCH = { limit: 25, minScore: POSSIBLE_THRESHOLD - 1e-9 }

interface PendingHit {
  kind: 'name' | 'document'
  personId: string | null
  documentId: string | null
  listId: string
  ownerAgency: string
  score: number
  decision: string
  explanation: Record<string, unknown>
  entry: HitEntry
  dismissed: boolean
}

/** What a screening is asked: who, which document, for whom, and where it is recorded. */
export interface ScreeningOptions {
  trx: Tx
  actor: RequestActor | null
  index: ScreeningIndex
  person: ScreenedPerson
  document?: ScreenedDocument
  context?: { crossingId?: string; registrationId?: string }
  listId?: string
  /** For a system caller (the CLI): the agency the screening is recorded for. */
  agencyCode?: string
  /**
   * The request and its hits are written at the end of the transaction with its other deferred writes
   * (`deferWrite`): for a caller that neither reads nor updates them again in the same transaction (the primary
   * inspection; a later read in it would send them first).
   */
  deferred?: boolean
  /** The lists' version the request read first (`readCacheVersions`): when the index holds it, no read here. */
  head?: ListsHead | null
}

/**
 * Screens one traveller against every active alert list (or one list): name hits scored and explained by the
 * in-memory index, document hits by exact lookup with OCR variants. Hits are stored with what produced them;
 * a pair of traveller and entry once adjudicated a false positive is not raised again. Nothing is refused
 * here: the hits go to an officer. Runs in the caller's transaction (the crossings use case calls it inside its
 * own), so the actor may be null for a system caller.
 */
export async function screenTraveller(o: ScreeningOptions) {
  const screening = await startScreening(o)
  // The name hits' entries and the document lookup do not depend on each other: one round trip for both.
  return screening.finish(await together(o.trx, screening.lookups))
}

/**
 * A screening in two steps, for a caller that sends its two lookups with statements of its own (the primary
 * inspection sends them with the passport's upsert): `lookups` are the name hits' entries and the document lookup
 * (null when there is nothing to look up), and `finish` takes their rows, in that order, and records the request.
 */
export async function startScreening(o: ScreeningOptions) {
  const { trx, actor } = o
  if (
    actor &&
    !can(actor, 'create', 'screening', { agencyCode: actor.agencyCode, postCode: actor.postCode })
  ) {
    throw new AppError('forbidden')
  }
  if (!o.head || !o.index.isCurrent(o.head)) await o.index.refresh(trx)
  const today = todayInCambodia()
  const key = travellerKey(o.person, o.document)
  const found = o.index.names
    .search(
      {
        name: o.person.name,
        birthDate: o.person.birthDate,
        nationality: o.person.nationality,
        sex: o.person.sex,
      },
      NAME_SEARCH,
    )
    .filter((h) => h.decision !== 'no-match')
    .filter((h) => !o.listId || o.index.listOf(h.id) === o.listId)
  const documents = o.document ? documentHitsLookup(o.document, today, key) : null
  const lookups = [
    found.length > 0
      ? personEntries(
          trx,
          key,
          found.map((h) => h.id),
        )
      : null,
    documents?.query ?? null,
  ] as const
  return {
    lookups,
    finish: ([rows, documentRows]: [PersonEntryRow[], DocumentLookupRow[]]) => {
      const pending: PendingHit[] = []
      const byId = new Map(rows.map((r) => [r.id, r]))
      for (const h of found) {
        const row = byId.get(h.id)
        // An entry not yet valid or expired stays on the list for the record but raises nothing.
        if (
          !row ||
          (row.valid_from && row.valid_from > today) ||
          (row.valid_until && row.valid_until < today)
        )
          continue
        pending.push({
          kind: 'name',
          personId: row.id,
          documentId: null,
          listId: row.list_id,
          ownerAgency: row.owner_agency,
          score: h.score,
          decision: h.decision,
          explanation: { ...h.explanation, matchedName: row.names[h.nameIndex] ?? row.names[0] },
          entry: hitEntry(row.name, row.entry),
          dismissed: Boolean(row.dismissed),
        })
      }
      if (o.document && documents) {
        for (const d of documents.read(documentRows)) {
          if (o.listId && d.listId !== o.listId) continue
          pending.push({
            kind: 'document',
            personId: d.kind === 'person' ? d.entryId : null,
            documentId: d.kind === 'document' ? d.entryId : null,
            listId: d.listId,
            ownerAgency: d.ownerAgency,
            score: d.exact ? 1 : 0.9,
            decision: 'match',
            explanation: {
              listedNumber: d.listedNumber,
              queriedNumber: o.document.number,
              exact: d.exact,
              ...(d.exact
                ? {}
                : {
                    messageKey: 'screening.document.ocrVariant',
                    params: { number: o.document.number, variant: d.listedNumber },
                  }),
            },
            entry: d.entry,
            dismissed: d.dismissed,
          })
        }
      }
      return record(o, key, pending)
    },
  }
}

/** The list entries behind the name hits, with what the officer is shown and whether each was dismissed. */
function personEntries(trx: Tx, key: string, ids: string[]) {
  return (
    trx
      .selectFrom('watchlist_persons as p')
      .innerJoin('watchlists as l', 'l.id', 'p.list_id')
      .select(['p.id', 'p.list_id', 'p.names', 'p.valid_from', 'p.valid_until', 'l.owner_agency', 'l.name'])
      // What the officer is shown of the entry, and whether it was dismissed for this traveller: no read after.
      .select(PERSON_ENTRY.$castTo<Partial<HitEntry>>().as('entry'))
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('screening_dismissals as x')
              .select('x.entry_id')
              .where('x.traveller_key', '=', key)
              .whereRef('x.entry_id', '=', 'p.id'),
          )
          .as('dismissed'),
      )
      .where('p.id', 'in', ids)
      .where('p.removed_at', 'is', null)
      .where('l.active', '=', true)
  )
}

type PersonEntryRow = RowsOf<ReturnType<typeof personEntries>>[number]
type DocumentLookupRow = Parameters<NonNullable<ReturnType<typeof documentHitsLookup>>['read']>[0][number]

async function record(o: ScreeningOptions, key: string, pending: PendingHit[]) {
  const { trx, actor } = o
  const raised = pending.filter((p) => !p.dismissed)
  const requestId = randomUUID()
  const now = new Date()
  const agencyCode = actor?.agencyCode ?? o.agencyCode ?? 'GDI'
  const postCode = actor?.postCode ?? null
  const request = () =>
    trx.insertInto('screening_requests').values({
      id: requestId,
      traveller_key: key,
      query: storableJson({ person: o.person, document: o.document ?? null, listId: o.listId ?? null }),
      crossing_id: o.context?.crossingId ?? null,
      registration_id: o.context?.registrationId ?? null,
      agency_code: agencyCode,
      post_code: postCode,
      officer_id: actor?.id ?? null,
      hits: raised.length,
      suppressed: pending.length - raised.length,
      screened_at: now,
    })
  const rows = raised.map((p) => ({
    id: randomUUID(),
    request_id: requestId,
    kind: p.kind,
    person_id: p.personId,
    document_id: p.documentId,
    list_id: p.listId,
    owner_agency: p.ownerAgency,
    traveller_key: key,
    score: p.score,
    decision: p.decision,
    explanation: storableJson(p.explanation),
    agency_code: agencyCode,
    post_code: postCode,
    status: 'open',
    created_at: now,
  }))
  const hits = () => trx.insertInto('screening_hits').values(rows)
  // Deferred, the request and its hits go in the transaction's last statement; their foreign key is checked there.
  if (o.deferred) await deferWrite(trx, 'screening_requests', request)
  else await request().execute()
  if (rows.length > 0) {
    if (o.deferred) await deferWrite(trx, 'screening_hits', hits)
    else await hits().execute()
  }
  await appendAudit(trx, actor ? auditActor(actor) : systemActor, {
    action: 'screen',
    resource: 'screening',
    recordId: requestId,
    details: { hits: raised.length, suppressed: pending.length - raised.length, context: o.context ?? {} },
  })
  return {
    requestId,
    travellerKey: key,
    suppressed: pending.length - raised.length,
    hits: details(rows, raised),
  }
}

/**
 * The hits as `hitDetails` reads them back, highest score first, built from what was written and the entries read
 * with the hits: nothing is read again. A score is stored as `real`, the explanation as `jsonb` (key order aside).
 */
/** A hit as written: its own columns, the explanation as the stored JSON text. */
type WrittenHit = Omit<
  HitDetailRow,
  keyof HitEntry | 'explanation' | 'adjudication_reason' | 'adjudicated_by' | 'adjudicated_at'
> & { explanation: string }

function details(rows: WrittenHit[], raised: PendingHit[]): HitDetailRow[] {
  const out = rows.map(
    (r, i): HitDetailRow => ({
      ...r,
      ...raised[i]!.entry,
      score: Math.fround(r.score),
      explanation: JSON.parse(r.explanation),
      adjudication_reason: null,
      adjudicated_by: null,
      adjudicated_at: null,
    }),
  )
  return out.sort((a, b) => Number(b.score) - Number(a.score))
}
