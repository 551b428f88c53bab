import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import {
  findDocumentByKey,
  insertDocumentWithTraveller,
  lockDocumentKey,
  markDocumentSeen,
} from './documents.repository.ts'
import type { TravelDocumentRow, TravellerRow } from './documents.tables.ts'

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
  /** The traveller created for a new document (so a caller need not read it back). */
  newTraveller?: TravellerRow
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
  await lockDocumentKey(o.trx, key)
  const known = await findDocumentByKey(o.trx, key)
  if (known) {
    const row = await markDocumentSeen(o.trx, known.id, now, post)
    await appendAudit(o.trx, auditActor(o.actor), {
      action: 'read',
      resource: 'document',
      recordId: row.id,
      details: { source: d.source, postCode: post, readCount: row.read_count },
    })
    return { row, created: false }
  }
  const travellerId = randomUUID()
  const { document: row, traveller } = await insertDocumentWithTraveller(
    o.trx,
    {
      id: travellerId,
      surname: d.surname,
      givenNames: d.givenNames,
      birthDate: d.birthDate,
      sex: d.sex,
      nationality: d.nationality,
    },
    {
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
      created_by: o.actor.id,
    },
  )
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
  return { row, created: true, newTraveller: traveller }
}
