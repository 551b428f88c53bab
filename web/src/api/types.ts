import type { ApiResult, Item } from './contract.ts'

/** Views every area shares, read from the generated contract (see contract.ts). */
export type Session = ApiResult<'/api/auth/session', 'GET'>
export type User = Item<ApiResult<'/api/users', 'GET'>['items']>
export type Agency = Item<ApiResult<'/api/agencies', 'GET'>>
export type Post = Item<ApiResult<'/api/posts', 'GET'>>
export type Province = Item<ApiResult<'/api/provinces', 'GET'>>
export type AuditEntry = Item<ApiResult<'/api/audit', 'GET'>['items']>
