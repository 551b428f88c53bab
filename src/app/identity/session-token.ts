import { createHash, randomBytes } from 'node:crypto'

export const SESSION_COOKIE = 'passage_session'

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Only the hash is stored, so a leaked sessions table does not hand out live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
