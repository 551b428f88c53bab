import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { insertDocumentWithTraveller, markSeenByKey } from './documents.repository.ts'
import type { NewTravelDocumentRow, TravelDocumentRow, TravellerRow } from './documents.tables.ts'
import type { NewTraveller } from './travellers.repository.ts'

/** What is stored of a document, read from an MRZ or typed by the officer. */
export interface DocumentData {
  format: string | null
  source: 'mrz' | 'manual'
  documentCode: string
  issuingState: string
  documentNumber: string
  nationality: string | null
  surname: string
  givenNames: string
  birthDate: string | null
  sex: string | null
  expiryDate: string | null
  optionalData: string | null
  mrz: string | null
}

export interface StoredDocument {
  row: TravelDocumentRow
  /** First time this document was seen: it was stored and a traveller was created for it. */
  created: boolean
  /** The document's traveller: created for a new document, read with a known one (so a caller need not read it). */
  traveller: TravellerRow
}

/**
 * Stores a valid document once (issuing state + document code + number); a later read only records when
 * and where it was seen again. A document never seen before creates its traveller. Both are audited.
 */
export async function storeDocument(o: {
  trx: Tx
  actor: RequestActor
  document: DocumentData
}): Promise<StoredDocument> {
  if (!can(o.actor, 'create', 'document')) throw new AppError('forbidden')
  const d = o.document
  const key = { issuingState: d.issuingState, documentCode: d.documentCode, documentNumber: d.documentNumber }
  const now = new Date()
  const post = o.actor.postCode
  /** A read of a document already stored: when and where, counted and audited, in one statement. */
  const seenAgain = async (): Promise<StoredDocument | undefined> => {
    const known = await markSeenByKey(o.trx, key, now, post)
    if (!known) return undefined
    await appendAudit(o.trx, auditActor(o.actor), {
      action: 'read',
      resource: 'document',
      recordId: known.document.id,
      details: { source: d.source, postCode: post, readCount: known.document.read_count },
    })
    return { row: known.document, created: false, traveller: known.traveller }
  }
  // Tried first: a passport read again is the common case at a land border (daily cross-border workers).
  const seen = await seenAgain()
  if (seen) return seen
  const newcomer = newTraveller(d)
  const stored = await insertDocumentWithTraveller(
    o.trx,
    newcomer,
    newDocumentRow(d, newcomer.id, o.actor.id, post, now),
  )
  // Stored meanwhile by another officer (the insert waited for their commit): a read, then. Documents are never
  // deleted, so the read finds it.
  if (!stored) {
    const read = await seenAgain()
    if (!read) throw new AppError('conflict')
    return read
  }
  const { document: row, traveller } = stored
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'document',
    recordId: row.id,
    details: {
      source: d.source,
      format: d.format,
      issuingState: d.issuingState,
      documentCode: d.documentCode,
      travellerId: traveller.id,
      postCode: post,
    },
  })
  return { row, created: true, traveller }
}

/** The traveller a document seen for the first time creates: the person as the document names them. */
function newTraveller(d: DocumentData): NewTraveller {
  return {
    id: randomUUID(),
    surname: d.surname,
    givenNames: d.givenNames,
    birthDate: d.birthDate,
    sex: d.sex,
    nationality: d.nationality,
  }
}

/** The document's row as first stored, seen here and now by `createdBy`. */
function newDocumentRow(
  d: DocumentData,
  travellerId: string,
  createdBy: string,
  post: string | null,
  now: Date,
): NewTravelDocumentRow {
  return {
    id: randomUUID(),
    traveller_id: travellerId,
    issuing_state: d.issuingState,
    document_code: d.documentCode,
    document_number: d.documentNumber,
    format: d.format,
    source: d.source,
    nationality: d.nationality,
    surname: d.surname,
    given_names: d.givenNames,
    birth_date: d.birthDate,
    sex: d.sex,
    expiry_date: d.expiryDate,
    optional_data: d.optionalData,
    mrz: d.mrz,
    first_seen_at: now,
    first_seen_post: post,
    last_seen_at: now,
    last_seen_post: post,
    read_count: 1,
    created_by: createdBy,
  }
}
