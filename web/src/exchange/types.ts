/** The exchange API's views as the web reads them (`src/app/exchange/exchange.schemas.ts`). */
export interface Message {
  id: string
  direction: 'out' | 'in'
  partner: string
  agreement: string
  type: string
  threadRef: string | null
  sentAt: string
  status: 'pending' | 'delivered' | 'refused' | 'applied'
  attempts: number
  lastError: string | null
  fields: string[]
}

export interface Arrival {
  id: string
  partner: string
  threadRef: string | null
  postCode: string | null
  borderPoint: string
  expectedOn: string
  familyLatin: string | null
  givenLatin: string | null
  sex: string | null
  status: 'expected' | 'arrived'
  caseId: string | null
  /** The mass-return registration a return list's arrival made. */
  returneeId: string | null
}

export interface Agreement {
  code: string
  title: string
  partner: string
  validFrom: string
  validUntil: string
  demo: boolean
  inForce: boolean
  rules: Record<string, { fields: string[] }>
}

export interface Preview {
  content: Record<string, unknown>
  withheld: string[]
  allowed: string[]
}
