export interface Shift {
  id: string
  officerId: string
  officerName: string
  postCode: string
  counter: string
  openedAt: string
  closedAt: string | null
}

interface Movements {
  total: number
  admitted: number
  referred: number
  refused: number
}

export interface BoardSnapshot {
  postCode: string
  day: string
  updatedAt: string
  entries: Movements
  exits: Movements
  hourly: { hour: number; entries: number; exits: number }[]
  hitsAwaiting: number
  secondary: { waiting: number; inInterview: number; oldestWaitingSince: string | null }
  returneesToday: number
}

export interface RefusalReason {
  code: string
  nameEn: string
  nameKm: string
  position: number
  active: boolean
}
