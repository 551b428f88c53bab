import {
  type DocumentFacts,
  deriveFacts,
  type MrzCorrection,
  type MrzResult,
  parseMrz,
  suggestCorrections,
} from '../../domain/documents/index.ts'
import { can } from '../../domain/identity/policy.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { RequestActor } from '../identity/actor.ts'
import { type DocumentData, type StoredDocument, storeDocument } from './store-document.ts'
import { findTemplateFor } from './templates.repository.ts'

export interface ReadOutcome {
  /** The day the dates were judged on. */
  onDate: string
  result: MrzResult
  facts: DocumentFacts | null
  /** Proposed for the officer to confirm, never applied: a confirmed correction is read again as typed text. */
  corrections: MrzCorrection[]
  /** The stored document when the MRZ is valid; null otherwise (nothing is written for invalid text). */
  stored: StoredDocument | null
  /** The examination template for the stored document. */
  templateId: string | null
}

const MAX_CORRECTIONS = 3

/** MRZ text read as a reader typed it, and what would be stored of it: nothing for an invalid one. */
export function readMrzText(text: string, onDate = todayInCambodia()) {
  const options = { referenceDate: onDate, allowSpecimen: false }
  const result = parseMrz(text, options)
  const facts = result.format ? deriveFacts(result.fields, { onDate }) : null
  if (!result.valid) {
    const corrections = suggestCorrections(text, options, MAX_CORRECTIONS)
    return { onDate, result, facts, corrections, data: null }
  }
  const f = result.fields
  const data: DocumentData = {
    format: result.format,
    source: 'mrz',
    // A valid result has every identifying field; the fallbacks only satisfy the types.
    documentCode: f.documentCode ?? '',
    issuingState: f.issuingState ?? '',
    documentNumber: f.documentNumber ?? '',
    nationality: f.nationality,
    surname: f.surname ?? '',
    givenNames: f.givenNames ?? '',
    birthDate: f.birthDate,
    sex: f.sex,
    expiryDate: f.expiryDate,
    optionalData: [f.personalNumber ?? f.optionalData, f.optionalData2].filter(Boolean).join(' ') || null,
    mrz: result.lines.join('\n'),
  }
  return { onDate, result, facts, corrections: [], data }
}

/** Reads MRZ text exactly as a reader typed it; a valid document is stored and linked to its traveller. */
export async function readDocument(o: {
  trx: Tx
  actor: RequestActor
  text: string
  onDate?: string
  /** Look up the examination template (the reader screen shows it; the primary inspection does not). */
  template?: boolean
}): Promise<ReadOutcome> {
  if (!can(o.actor, 'create', 'document')) throw new AppError('forbidden')
  const { onDate, result, facts, corrections, data } = readMrzText(o.text, o.onDate)
  if (!data) return { onDate, result, facts, corrections, stored: null, templateId: null }
  const stored = await storeDocument({ trx: o.trx, actor: o.actor, document: data })
  const template =
    o.template === false
      ? null
      : await findTemplateFor(o.trx, stored.row.issuing_state, stored.row.document_code)
  return { onDate, result, facts, corrections: [], stored, templateId: template?.id ?? null }
}
