import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { CrossingsTables } from '../../app/crossings/crossings.tables.ts'
import type { SecondaryTables } from '../../app/crossings/secondary.tables.ts'
import type { DocumentsTables } from '../../app/documents/documents.tables.ts'
import type { ExchangeTables } from '../../app/exchange/exchange.tables.ts'
import type { PlansTables } from '../../app/plans/plans.tables.ts'
import type { PostsTables } from '../../app/posts/posts.tables.ts'
import type { ProtectionTables } from '../../app/protection/protection.tables.ts'
import type { ReturnsTables } from '../../app/returns/returns.tables.ts'
import type { RiskTables } from '../../app/risk/risk.tables.ts'
import type { ScreeningTables } from '../../app/screening/screening.tables.ts'
import type { ExportsTables } from '../../app/statistics/exports.tables.ts'
import type { StatisticsTables } from '../../app/statistics/statistics.tables.ts'
import type { TrainingTables } from '../../app/training/training.tables.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface AgencyTable {
  code: string
  name_en: string
  name_km: string
  kind: string
  active: Generated<boolean>
  created_at: Generated<Date>
}

export interface ProvinceTable {
  code: string
  name_en: string
  name_km: string
}

export interface CountryTable {
  alpha3: string
  alpha2: string
  numeric: string
  /** What an MRZ writes: the alpha-3 code, except `D` for Germany. */
  icao_code: string
  name_en: string
  name_km: string
}

export interface IcaoCodeTable {
  code: string
  kind: 'nationality' | 'state' | 'organisation' | 'status'
  name_en: string
  name_km: string
}

export interface PointOfEntryTable {
  code: string
  name_en: string
  name_km: string
  type: string
  province_code: string
  neighbour_country: string | null
  neighbour_post: string | null
  active: Generated<boolean>
}

export interface UserTable {
  id: string
  username: string
  display_name: string
  role: string
  agency_code: string
  post_code: string | null
  scope: string
  password_hash: string
  must_change_password: boolean
  disabled: Generated<boolean>
  locale: Generated<string>
  failed_signins: Generated<number>
  locked_until: Timestamp | null
  password_changed_at: Timestamp
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface SessionTable {
  id_hash: string
  user_id: string
  csrf_token: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  ip: string | null
  user_agent: string | null
}

export interface AuditLogTable {
  seq: Generated<number>
  at: Timestamp
  actor_id: string | null
  actor_username: string | null
  action: string
  resource: string
  record_id: string | null
  ip: string | null
  details: ColumnType<unknown, string, string>
  /** Place in the hash chain, given by the sealer (migration 0016); null while the entry is not yet sealed. */
  pos: ColumnType<number | null, never, number>
  prev_hash: string | null
  hash: string | null
}

export interface IdempotencyKeyTable {
  user_id: string
  key: string
  operation: string
  request_hash: string
  response: ColumnType<unknown, string, string>
  created_at: Generated<Date>
}

/**
 * The foundation's tables. Each area adds its own in `src/app/<area>/<area>.tables.ts` and is joined here
 * through `extends`, so the whole schema stays one type without one file owning every table.
 */
export interface Database
  extends ProtectionTables,
    ExchangeTables,
    DocumentsTables,
    RiskTables,
    ScreeningTables,
    CrossingsTables,
    SecondaryTables,
    PostsTables,
    ReturnsTables,
    PlansTables,
    StatisticsTables,
    ExportsTables,
    TrainingTables {
  agencies: AgencyTable
  provinces: ProvinceTable
  countries: CountryTable
  icao_codes: IcaoCodeTable
  points_of_entry: PointOfEntryTable
  users: UserTable
  sessions: SessionTable
  audit_log: AuditLogTable
  idempotency_keys: IdempotencyKeyTable
}

export type UserRow = Selectable<UserTable>
export type InsertableUserRow = Insertable<UserTable>
export type AuditRow = Selectable<AuditLogTable>
export type AgencyRow = Selectable<AgencyTable>
export type PointOfEntryRow = Selectable<PointOfEntryTable>
