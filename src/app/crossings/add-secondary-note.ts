import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { SecondaryNoteRow } from './secondary.tables.ts'
import { referralFor } from './secondary-access.ts'

/** Appends one interview note; notes are never edited (the table refuses it), a correction is a further note. */
export async function addSecondaryNote(o: {
  trx: Tx
  actor: RequestActor
  secondaryId: string
  text: string
}): Promise<SecondaryNoteRow> {
  await referralFor({ ...o, action: 'note' })
  const note = await o.trx
    .insertInto('secondary_notes')
    .values({
      id: randomUUID(),
      secondary_id: o.secondaryId,
      author_id: o.actor.id,
      written_at: new Date(),
      text: o.text,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  // The audit log says a note was written, not what it says: interview content stays with the referral.
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'note',
    resource: 'secondary_inspection',
    recordId: o.secondaryId,
    details: { noteId: note.id },
  })
  return note
}
