import { csvLine } from '../../domain/files/csv.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { CSV_COLUMNS } from './import/csv-format.ts'
import { assertOwner, systemActor } from './manage-watchlists.ts'
import type { ListedDocument } from './screening.tables.ts'
import { findList } from './watchlists.repository.ts'

const PAGE = 2000

// The one CSV writer: formulas defused (the import undoes exactly that escape, so a re-import changes nothing).
const row = (values: Record<string, string | null | undefined>) => csvLine(CSV_COLUMNS.map((c) => values[c]))

/**
 * Checks that the actor may export the list and records the export in the audit log (an export is a read of
 * every entry), then returns the CSV as a stream of lines in the import format, so exporting and importing again
 * gives the same list.
 */
export async function exportWatchlist(o: { db: Db; actor: RequestActor | null; listId: string }) {
  const list = await findList(o.db, o.listId)
  if (!list) throw new AppError('not_found')
  assertOwner(o.actor, list, 'read')
  await o.db.transaction().execute((trx) =>
    appendAudit(trx, o.actor ? auditActor(o.actor) : systemActor, {
      action: 'export',
      resource: 'watchlist',
      recordId: list.id,
      details: { version: list.version },
    }),
  )
  return { list, lines: lines(o.db, list.id) }
}

async function* lines(db: Db, listId: string): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS)
  let after = ''
  for (;;) {
    const persons = await db
      .selectFrom('watchlist_persons')
      .selectAll()
      .where('list_id', '=', listId)
      .where('removed_at', 'is', null)
      .where('external_id', '>', after)
      .orderBy('external_id')
      .limit(PAGE)
      .execute()
    for (const p of persons) {
      yield row({
        ...common(p),
        kind: 'person',
        names: p.names.join('|'),
        birth_date: p.birth_date,
        nationality: p.nationality.join('|'),
        sex: p.sex,
        category: p.category,
        documents: (p.documents as ListedDocument[])
          .map((d) => `${d.issuingState ?? ''}:${d.type ?? ''}:${d.number}`)
          .join('|'),
      })
    }
    if (persons.length < PAGE) break
    after = persons[persons.length - 1]!.external_id
  }
  after = ''
  for (;;) {
    const docs = await db
      .selectFrom('watchlist_documents')
      .selectAll()
      .where('list_id', '=', listId)
      .where('removed_at', 'is', null)
      .where('external_id', '>', after)
      .orderBy('external_id')
      .limit(PAGE)
      .execute()
    for (const d of docs) {
      yield row({
        ...common(d),
        kind: 'document',
        issuing_state: d.issuing_state,
        document_type: d.document_type,
        document_number: d.number,
        document_status: d.status,
      })
    }
    if (docs.length < PAGE) break
    after = docs[docs.length - 1]!.external_id
  }
}

function common(e: {
  external_id: string
  source: string
  handling: string
  valid_from: string | null
  valid_until: string | null
  review_date: string | null
  sensitivity: string
}) {
  return {
    id: e.external_id,
    source: e.source,
    handling: e.handling,
    valid_from: e.valid_from,
    valid_until: e.valid_until,
    review_date: e.review_date,
    sensitivity: e.sensitivity,
  }
}
