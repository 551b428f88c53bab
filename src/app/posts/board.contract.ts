/** A post's board as the API sends it and the web reads it (no imports, so the web can share the type). */
export interface Movements {
  total: number
  admitted: number
  referred: number
  refused: number
}

/** What a post's board shows of its day in Cambodia; no names, only counts. */
export interface BoardSnapshot {
  postCode: string
  day: string
  updatedAt: string
  entries: Movements
  exits: Movements
  hourly: { hour: number; entries: number; exits: number }[]
  hitsAwaiting: number
  /** Referrals not yet decided: waiting to be taken, and in interview; the oldest waiting shows the dwell. */
  secondary: { waiting: number; inInterview: number; oldestWaitingSince: string | null }
  returneesToday: number
  /** Today's expected arrivals from partners (return lists, agreed handovers): still expected, and arrived. */
  arrivals: { expected: number; arrived: number }
}
