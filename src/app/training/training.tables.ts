import type { ColumnType, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Created = ColumnType<Date, Date | string | undefined, never>

export interface TrainingCourseTable {
  id: string
  title_en: string
  title_km: string
  topic: string
  curriculum: string
  languages: string[]
  created_by: string
  created_at: Created
}

export interface TrainingSessionTable {
  id: string
  course_id: string
  starts_on: string
  ends_on: string
  place: string
  trainers: string
  funding_project: string
  post_code: string | null
  created_by: string
  created_at: Created
}

/** A Passage user (`user_id`) or an external person from a partner agency or NGO (`user_id` null). */
export interface TrainingParticipantTable {
  id: string
  session_id: string
  user_id: string | null
  full_name: string
  agency_code: string
  post_code: string | null
  sex: 'F' | 'M' | 'X'
  attended: ColumnType<boolean, boolean | undefined, boolean>
  pre_score: number | null
  post_score: number | null
  completed_on: string | null
  certificate_no: string | null
  created_at: Created
}

/** The score of a training-ground exercise, kept in the trainee's record when the ground is reset. */
export interface TrainingExerciseResultTable {
  id: string
  user_id: string
  exercise_id: string
  exercise_title: string
  percent: number
  found: number
  missed: number
  false_alarms: number
  submitted_at: Timestamp
}

export interface TrainingTables {
  training_courses: TrainingCourseTable
  training_sessions: TrainingSessionTable
  training_participants: TrainingParticipantTable
  training_exercise_results: TrainingExerciseResultTable
}

/** The training ground's tables, in their own schema and reachable only through `ground()`. */
export interface GroundTables {
  exercises: {
    id: string
    title: string
    difficulty: 'easy' | 'medium' | 'hard' | null
    day: string
    items: ColumnType<unknown, string, string>
    seconds_per_document: number
    created_by: string
    created_at: Created
  }
  attempts: {
    id: string
    exercise_id: string
    trainee_id: string
    started_at: Timestamp
    submitted_at: Timestamp | null
    findings: ColumnType<unknown, string | null, string>
    score: ColumnType<unknown, string | null, string>
  }
  /** Each document of an attempt: opened and answered on the server's clock (the counter's pace). */
  attempt_documents: {
    attempt_id: string
    position: number
    opened_at: Timestamp
    answered_at: Timestamp | null
    findings: ColumnType<unknown, string | null, string>
  }
}

export type ParticipantRow = Selectable<TrainingParticipantTable>
export type SessionRow = Selectable<TrainingSessionTable>
export type CourseRow = Selectable<TrainingCourseTable>
