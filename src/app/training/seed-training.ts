import type { Db, Tx } from '../../platform/db/database.ts'
import { actorFromUser, type RequestActor } from '../identity/actor.ts'
import { createCourse } from './courses.ts'
import { composeExercise } from './exercises.ts'
import { enrolParticipant, recordParticipantResult } from './participants.ts'
import { createSession } from './sessions.ts'

async function actor(trx: Tx, username: string): Promise<RequestActor | null> {
  const user = await trx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  return user ? actorFromUser(user, null) : null
}

/**
 * A demo database's training: IOM's document-examination course with one session at Poipet (an officer who
 * completed it, with a certificate; a supervisor still in it; an NGO worker from outside Passage) and two
 * exercise sets on the training ground, one composed by hand and one drawn at the hard level. Written through
 * the use cases, so the audit entries are real. Run once, with the demo users.
 */
export async function seedDemoTraining(o: { db: Db }): Promise<void> {
  await o.db.transaction().execute(async (trx) => {
    const iom = await actor(trx, 'iom.staff')
    const officer = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'officer.poipet')
      .executeTakeFirst()
    const supervisor = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'supervisor.poipet')
      .executeTakeFirst()
    if (!iom || !officer || !supervisor) return
    const course = await createCourse({
      trx,
      actor: iom,
      course: {
        titleEn: 'Travel document examination',
        titleKm: 'ការពិនិត្យឯកសារធ្វើដំណើរ',
        topic: 'Document examination',
        curriculum:
          'The MRZ and its check digits; the data page against the MRZ; security features under a magnifier; lost and stolen documents; children travelling; trafficking indicators.',
        languages: ['km', 'en'],
      },
    })
    const session = await createSession({
      trx,
      actor: iom,
      session: {
        courseId: course.id,
        startsOn: '2026-10-05',
        endsOn: '2026-10-07',
        place: 'Poipet international checkpoint',
        trainers: 'IOM Cambodia document examiners',
        fundingProject: 'Passage: border management and migrant protection',
        postCode: 'LAND-POIPET',
      },
    })
    const done = await enrolParticipant({
      trx,
      actor: iom,
      sessionId: session.id,
      participant: { userId: officer.id, sex: 'F' },
    })
    await recordParticipantResult({
      trx,
      actor: iom,
      participantId: done.id,
      result: { attended: true, preScore: 52, postScore: 86, completed: true },
    })
    await enrolParticipant({
      trx,
      actor: iom,
      sessionId: session.id,
      participant: { userId: supervisor.id, sex: 'M' },
    })
    await enrolParticipant({
      trx,
      actor: iom,
      sessionId: session.id,
      participant: { fullName: 'Sok Sreymom', agencyCode: 'NGO', postCode: null, sex: 'F' },
    })
    await composeExercise({
      trx,
      actor: iom,
      exercise: {
        title: 'First morning at the counter',
        items: [
          { kind: 'TD3', defects: [] },
          { kind: 'TD3', defects: ['mrz_check_digit'] },
          { kind: 'TD1', defects: ['mrz_viz_birth_date'] },
          { kind: 'VISA', defects: ['expired'] },
          { kind: 'TD3', defects: ['child_without_guardian'] },
        ],
      },
    })
    await composeExercise({ trx, actor: iom, exercise: { title: 'Hard set', difficulty: 'hard', size: 8 } })
  })
}
