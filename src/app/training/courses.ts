import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { assertCan, steeringReach } from './reach.ts'
import type { CourseRow } from './training.tables.ts'

export interface CourseInput {
  titleEn: string
  titleKm: string
  topic: string
  curriculum: string
  languages: string[]
}

export async function createCourse(o: {
  trx: Tx
  actor: RequestActor
  course: CourseInput
}): Promise<CourseRow> {
  await steeringReach(o.trx, o.actor, 'training_record')
  const c = o.course
  const row = await o.trx
    .insertInto('training_courses')
    .values({
      id: randomUUID(),
      title_en: c.titleEn,
      title_km: c.titleKm,
      topic: c.topic,
      curriculum: c.curriculum,
      languages: [...new Set(c.languages)],
      created_by: o.actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'training_course',
    recordId: row.id,
    details: { titleEn: c.titleEn, topic: c.topic },
  })
  return row
}

export async function listCourses(o: { db: Executor; actor: RequestActor }): Promise<CourseRow[]> {
  assertCan(o.actor, 'read', 'training_record')
  return o.db.selectFrom('training_courses').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()
}
