import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { storeOrCountRead } from './documents.repository.ts'
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
  const now = new Date()
  const post = o.actor.postCode
  const newcomer = newTraveller(d)
  const {
    document: row,
    traveller,
    created,
  } = await storeOrCountRead(o.trx, newcomer, newDocumentRow(d, newcomer.id, o.actor.id, post, now))
  await appendAudit(
    o.trx,
    auditActor(o.actor),
    created
      ? {
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
        }
      : {
          action: 'read',
          resource: 'document',
          recordId: row.id,
          details: { source: d.source, postCode: post, readCount: row.read_count },
        },
  )
  return { row, created, traveller }
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
