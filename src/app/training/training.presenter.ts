import type { ExerciseRecord } from './exercises.ts'
import type { CourseRow, ParticipantRow, SessionRow } from './training.tables.ts'

export function presentCourse(c: CourseRow) {
  return {
    id: c.id,
    titleEn: c.title_en,
    titleKm: c.title_km,
    topic: c.topic,
    curriculum: c.curriculum,
    languages: c.languages,
  }
}

export function presentSession(s: SessionRow & { course_title_en?: string; course_title_km?: string }) {
  return {
    id: s.id,
    courseId: s.course_id,
    courseTitleEn: s.course_title_en ?? null,
    courseTitleKm: s.course_title_km ?? null,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    place: s.place,
    trainers: s.trainers,
    fundingProject: s.funding_project,
    postCode: s.post_code,
  }
}

export function presentParticipant(p: ParticipantRow) {
  return {
    id: p.id,
    sessionId: p.session_id,
    userId: p.user_id,
    fullName: p.full_name,
    agencyCode: p.agency_code,
    postCode: p.post_code,
    sex: p.sex,
    attended: p.attended,
    preScore: p.pre_score,
    postScore: p.post_score,
    completedOn: p.completed_on,
    certificateNo: p.certificate_no,
  }
}

/** An exercise set as listed: never its items (the answer key), only how many and at what pace. */
export function presentExercise(e: ExerciseRecord) {
  return {
    id: e.id,
    title: e.title,
    difficulty: e.difficulty,
    day: e.day,
    size: e.items.length,
    secondsPerDocument: e.secondsPerDocument,
  }
}
