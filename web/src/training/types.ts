// The training API's shapes as the web app reads them (src/app/training/*.routes.ts presents them).
import type { ExerciseScore } from '../../../src/domain/training/scoring.ts'

// The defects and the score are the domain's own types: one contract between server and web.
export { DEFECTS as DEFECT_CODES, type DefectCode } from '../../../src/domain/training/defects.ts'
export { MAX_DEFECTS_PER_ITEM, MAX_ITEMS } from '../../../src/domain/training/exercise.ts'
export {
  COMPOSED_SECONDS_PER_DOCUMENT,
  MAX_SECONDS_PER_DOCUMENT,
  MIN_SECONDS_PER_DOCUMENT,
  SECONDS_PER_DOCUMENT,
} from '../../../src/domain/training/pace.ts'
export type { DefectTally, ExerciseScore, ItemScore } from '../../../src/domain/training/scoring.ts'

export interface ExerciseSummary {
  id: string
  title: string
  difficulty: 'easy' | 'medium' | 'hard' | null
  day: string
  size: number
  secondsPerDocument: number
  attemptId: string | null
  submitted: boolean
}

export interface GroundItem {
  index: number
  kind: 'TD3' | 'TD1' | 'VISA'
  svg: string
  mrz: string[]
  read: {
    valid: boolean
    fields: Record<string, string | null>
    errors: { code: string; field: string | null; params: Record<string, string | number> }[]
  }
  screening: { documentListed: boolean; personListed: boolean }
  companions: { name: string; relation: string; birthDate: string }[]
  story: string[]
}

/** One document as opened: the item, and its clock (the server's) for the countdown. */
export interface OpenedDocument extends GroundItem {
  total: number
  openedAt: string
  deadline: string
  serverNow: string
  limitSeconds: number
  answered: boolean
}

export interface Attempt {
  attemptId: string
  exercise: { id: string; title: string; day: string; secondsPerDocument: number }
  size: number
  answered: number
  submitted: boolean
  score: ExerciseScore | null
}

export interface TrainingRecord {
  sessions: {
    participantId: string
    courseTitleEn: string
    courseTitleKm: string
    startsOn: string
    endsOn: string
    attended: boolean
    completedOn: string | null
    postScore: number | null
  }[]
  exercises: {
    exerciseId: string
    title: string
    percent: number
    found: number
    missed: number
    falseAlarms: number
    submittedAt: string
  }[]
}

export interface SessionView {
  id: string
  courseTitleEn: string | null
  courseTitleKm: string | null
  startsOn: string
  endsOn: string
  place: string
  participants: {
    id: string
    fullName: string
    agencyCode: string
    postCode: string | null
    sex: string
    attended: boolean
    completedOn: string | null
    certificateNo: string | null
  }[]
}
