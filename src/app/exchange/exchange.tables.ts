import type { ColumnType, Generated, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** JSON columns are written as text and read back parsed, on PGlite and PostgreSQL alike. */
type Json<T> = ColumnType<T, string, string>

export interface Contact {
  name: string
  role: string
  email: string | null
  phone: string | null
}

export interface AuthorityTable {
  code: string
  country: string
  name_en: string
  name_km: string
  endpoint: string | null
  contacts: ColumnType<Contact[], string | undefined, string>
  is_self: Generated<boolean>
  agency_code: string | null
  demo: Generated<boolean>
  created_at: Generated<Date>
}

export interface KeyTable {
  kid: string
  authority_code: string
  use: 'sig' | 'enc'
  public_jwk: Json<Record<string, unknown>>
  /** Legacy (migration 0029): own private keys now live in files; `moveLegacyPrivateKeys` empties this. */
  private_jwk: ColumnType<Record<string, unknown> | null, null, null>
  created_at: Generated<Date>
  retired_at: Timestamp | null
  /** A retired key still verifies what was signed before this time (rotation overlap); null: no end. */
  expires_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface AgreementTable {
  id: string
  code: string
  title: string
  legal: Json<{ title: string; date: string; article: string }>
  partner_code: string
  valid_from: string
  valid_until: string
  rules: Json<Record<string, unknown>>
  demo: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Timestamp
}

export interface MessageTable {
  id: string
  direction: 'out' | 'in'
  partner_code: string
  agreement_code: string
  type: string
  thread_ref: string | null
  content: Json<Record<string, unknown>>
  /** Null once the message is past its retention (its hashes stay, so the chain still verifies). */
  jws: string | null
  hash: string
  prev_hash: string | null
  sent_at: Timestamp
  status: 'pending' | 'delivered' | 'refused' | 'applied'
  sealed: string | null
  attempts: Generated<number>
  next_attempt_at: Timestamp | null
  last_error: string | null
  receipt: string | null
  applied_ref: string | null
  created_by: string | null
  created_at: Generated<Date>
  purged_at: Timestamp | null
}

export interface ArrivalTable {
  id: string
  message_id: string
  partner_code: string
  row_key: string
  thread_ref: string | null
  post_code: string | null
  border_point: string
  expected_on: string
  family_latin: string | null
  given_latin: string | null
  sex: string | null
  birth_date: string | null
  nationality: string | null
  status: Generated<'expected' | 'arrived'>
  arrived_at: Timestamp | null
  arrived_by: string | null
  case_id: string | null
  /** The mass-return registration a return list's arrival made (migration 0038). */
  returnee_id: Generated<string | null>
  created_at: Generated<Date>
}

export interface ExchangeTables {
  exchange_authorities: AuthorityTable
  exchange_keys: KeyTable
  exchange_agreements: AgreementTable
  exchange_messages: MessageTable
  exchange_arrivals: ArrivalTable
  exchange_xroad_clients: XroadClientTable
}

export type AuthorityRow = Selectable<AuthorityTable>
export type KeyRow = Selectable<KeyTable>
export type AgreementRow = Selectable<AgreementTable>
export type MessageRow = Selectable<MessageTable>
export type ArrivalRow = Selectable<ArrivalTable>

/** An X-Road client subsystem allowed to call the published exchange services (migration 0039). */
export interface XroadClientTable {
  id: string
  client_id: string
  agency_code: string
  role: string
  scope: 'post' | 'agency' | 'national'
  post_code: string | null
  active: Generated<boolean>
  note: Generated<string>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type XroadClientRow = Selectable<XroadClientTable>
