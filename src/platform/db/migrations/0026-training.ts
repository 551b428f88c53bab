import { type Kysely, sql } from 'kysely'

/**
 * Capacity building (issue 14 §2) in the live schema: courses, sessions, participants with attendance and
 * pre/post-test scores, and the exercise scores of each trainee's record. The training ground (§3) lives in a
 * schema of its own, `training_ground`: generated exercises and trainees' attempts, nothing referencing a live
 * document, traveller, list or crossing, so resetting it is two TRUNCATEs and no live query can join it by mistake.
 */
const STATEMENTS = [
  `CREATE TABLE training_courses (
    id uuid PRIMARY KEY,
    title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
    title_km text NOT NULL CHECK (length(title_km) BETWEEN 1 AND 200),
    topic text NOT NULL,
    curriculum text NOT NULL,
    languages text[] NOT NULL CHECK (cardinality(languages) >= 1),
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE training_sessions (
    id uuid PRIMARY KEY,
    course_id uuid NOT NULL REFERENCES training_courses(id),
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    place text NOT NULL,
    trainers text NOT NULL,
    funding_project text NOT NULL,
    post_code text REFERENCES points_of_entry(code),
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on))`,
  `CREATE TABLE training_participants (
    id uuid PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES training_sessions(id),
    user_id uuid REFERENCES users(id),
    full_name text NOT NULL,
    agency_code text NOT NULL REFERENCES agencies(code),
    post_code text REFERENCES points_of_entry(code),
    sex text NOT NULL CHECK (sex IN ('F', 'M', 'X')),
    attended boolean NOT NULL DEFAULT false,
    pre_score integer CHECK (pre_score BETWEEN 0 AND 100),
    post_score integer CHECK (post_score BETWEEN 0 AND 100),
    completed_on date,
    certificate_no text UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (completed_on IS NULL OR attended))`,
  `CREATE UNIQUE INDEX training_participants_user_idx ON training_participants (session_id, user_id)
    WHERE user_id IS NOT NULL`,
  `CREATE INDEX training_participants_completed_idx ON training_participants (completed_on)
    WHERE completed_on IS NOT NULL`,
  `CREATE TABLE training_exercise_results (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id),
    exercise_id uuid NOT NULL,
    exercise_title text NOT NULL,
    percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
    found integer NOT NULL,
    missed integer NOT NULL,
    false_alarms integer NOT NULL,
    submitted_at timestamptz NOT NULL,
    UNIQUE (exercise_id, user_id))`,
  'CREATE SCHEMA training_ground',
  `CREATE TABLE training_ground.exercises (
    id uuid PRIMARY KEY,
    title text NOT NULL,
    difficulty text CHECK (difficulty IN ('easy', 'medium', 'hard')),
    day date NOT NULL,
    items jsonb NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE training_ground.attempts (
    id uuid PRIMARY KEY,
    exercise_id uuid NOT NULL REFERENCES training_ground.exercises(id),
    trainee_id uuid NOT NULL,
    started_at timestamptz NOT NULL,
    submitted_at timestamptz,
    findings jsonb,
    score jsonb,
    UNIQUE (exercise_id, trainee_id))`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP SCHEMA IF EXISTS training_ground CASCADE').execute(db)
  for (const t of [
    'training_exercise_results',
    'training_participants',
    'training_sessions',
    'training_courses',
  ])
    await db.schema.dropTable(t).ifExists().execute()
}
