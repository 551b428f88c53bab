export interface Shift {
  id: string
  officerId: string
  officerName: string
  postCode: string
  counter: string
  openedAt: string
  closedAt: string | null
}

export type { BoardSnapshot } from '../../../src/app/posts/board.contract.ts'

export interface RefusalReason {
  code: string
  nameEn: string
  nameKm: string
  position: number
  active: boolean
}
