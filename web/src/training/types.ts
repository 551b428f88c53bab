// The training API's shapes as the web app reads them (src/app/training/*.routes.ts presents them).
export type DefectCode =
  | 'mrz_check_digit'
  | 'mrz_viz_birth_date'
  | 'mrz_viz_name'
  | 'mrz_viz_number'
  | 'expired'
  | 'altered_expiry'
  | 'lost_stolen'
  | 'alert_list'
  | 'child_without_guardian'
  | 'trafficking_indicators'

export const DEFECT_CODES: DefectCode[] = [
  'mrz_check_digit',
  'mrz_viz_birth_date',
  'mrz_viz_name',
  'mrz_viz_number',
  'expired',
  'altered_expiry',
  'lost_stolen',
  'alert_list',
  'child_without_guardian',
  'trafficking_indicators',
]

export interface ExerciseSummary {
  id: string
  title: string
  difficulty: 'easy' | 'medium' | 'hard' | null
  day: string
  size: number
  attemptId: string | null
  submitted: boolean
}

export interface ItemScore {
  found: DefectCode[]
  missed: DefectCode[]
  falseAlarms: DefectCode[]
}

export interface ExerciseScore {
  items: ItemScore[]
  found: number
  missed: number
  falseAlarms: number
  percent: number
}

export interface GroundItem {
  index: number
  kind: 'TD3' | 'TD1' | 'VISA'
  svg: string
  mrz: string[]
  read: {
    valid: boolean
    fields: Record<string, string | null>
    errors: { code: string; field: string | null }[]
  }
  screening: { documentListed: boolean; personListed: boolean }
  companions: { name: string; relation: string; birthDate: string }[]
  story: string[]
}

export interface Attempt {
  attemptId: string
  exercise: { id: string; title: string; day: string }
  submitted: boolean
  score: ExerciseScore | null
  items: GroundItem[]
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
