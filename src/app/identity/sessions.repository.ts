import type { Executor } from '../../platform/db/database.ts'

export interface SessionRecord {
  idHash: string
  userId: string
  csrfToken: string
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
}

export async function insertSession(
  db: Executor,
  s: SessionRecord & { ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
    })
    .execute()
}

export async function touchSession(db: Executor, idHash: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute()
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
}

export async function deleteUserSessions(db: Executor, userId: string, exceptIdHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash)
  await q.execute()
}

export async function deleteExpiredSessions(db: Executor, now: Date, idleMs: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', new Date(now.getTime() - idleMs))]),
    )
    .execute()
}
