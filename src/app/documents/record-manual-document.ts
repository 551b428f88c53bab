import {
  deriveFacts,
  generateMrz,
  type MrzFormat,
  MrzGenerationError,
  parseMrz,
  type Sex,
  toMrzWords,
} from '../../domain/documents/index.ts'
import { can } from '../../domain/identity/policy.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { RequestActor } from '../identity/actor.ts'
import type { ReadOutcome } from './read-document.ts'
import { storeDocument } from './store-document.ts'
import { findTemplateFor } from './templates.repository.ts'

export interface ManualDocument {
  documentCode: string
  issuingState: string
  documentNumber: string
  nationality: string
  surname: string
  givenNames: string
  birthDate: string
  sex: Sex
  expiryDate: string
}

/** Passports are checked as TD3, visas as MRV-A, identity cards as TD1 (whose numbers may be longest). */
function formatFor(code: string): MrzFormat {
  return code.startsWith('P') ? 'TD3' : code.startsWith('V') ? 'MRVA' : 'TD1'
}

/**
 * A document without a readable MRZ, typed by the officer. It is checked by the same rules as a read one —
 * the fields are written as an MRZ and parsed back — so codes, dates and characters mean the same thing.
 */
export async function recordManualDocument(o: {
  trx: Tx
  actor: RequestActor
  document: ManualDocument
  onDate?: string
}): Promise<ReadOutcome> {
  if (!can(o.actor, 'create', 'document')) throw new AppError('forbidden')
  const d = o.document
  const onDate = o.onDate ?? todayInCambodia()
  let lines: string[]
  try {
    lines = generateMrz({ ...d, format: formatFor(d.documentCode) }).lines
  } catch (err) {
    if (!(err instanceof MrzGenerationError)) throw err
    throw new AppError('validation_failed', {}, [{ path: `body.${err.field}`, code: 'validation.custom' }])
  }
  const result = parseMrz(lines, { referenceDate: onDate, allowSpecimen: false })
  const facts = deriveFacts(result.fields, { onDate })
  if (!result.valid) return { onDate, result, facts, corrections: [], stored: null, templateId: null }
  const stored = await storeDocument({
    trx: o.trx,
    actor: o.actor,
    document: {
      format: null,
      source: 'manual',
      documentCode: result.fields.documentCode ?? d.documentCode,
      issuingState: result.fields.issuingState ?? d.issuingState,
      documentNumber: d.documentNumber,
      nationality: result.fields.nationality,
      // The names as typed, not as the MRZ would have truncated them.
      surname: toMrzWords(d.surname).join(' '),
      givenNames: toMrzWords(d.givenNames).join(' '),
      birthDate: d.birthDate,
      sex: d.sex,
      expiryDate: d.expiryDate,
      optionalData: null,
      mrz: null,
    },
  })
  const template = await findTemplateFor(o.trx, stored.row.issuing_state, stored.row.document_code)
  return { onDate, result, facts, corrections: [], stored, templateId: template?.id ?? null }
}
