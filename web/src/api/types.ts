export interface User {
  id: string
  username: string
  displayName: string
  role: string
  agencyCode: string
  postCode: string | null
  scope: 'post' | 'agency' | 'national'
  disabled: boolean
  locale: 'en' | 'km'
  mustChangePassword: boolean
  lockedUntil: string | null
  createdAt: string
}

export interface Session {
  user: User
  csrfToken: string
  capabilities: string[]
}

export interface Agency {
  code: string
  nameEn: string
  nameKm: string
  kind: string
  active: boolean
}

export interface Post {
  code: string
  nameEn: string
  nameKm: string
  type: 'land' | 'river' | 'air' | 'sea'
  provinceCode: string
  neighbourCountry: string | null
  neighbourPost: string | null
  active: boolean
}

export interface Province {
  code: string
  nameEn: string
  nameKm: string
}

export interface AuditEntry {
  seq: number
  at: string
  actorUsername: string | null
  action: string
  resource: string
  recordId: string | null
  ip: string | null
  details: unknown
  /** Null until the server's sealer has chained the entry. */
  pos: number | null
  hash: string | null
}
