import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { RETRY_AFTER_SECONDS } from './error-handler.ts'

/**
 * Longest the health check waits for the database. A monitor or load balancer needs an answer, not a hung
 * connection: a database that is down, restarting or unreachable is reported as such within this time.
 */
export const HEALTH_TIMEOUT_MS = 2_000

/** True when the database answered a trivial query within the time limit. */
export async function databaseAnswers(db: Db, timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  const query = sql`SELECT 1 FROM audit_log LIMIT 1`.execute(db).then(
    () => true,
    () => false,
  )
  try {
    return await Promise.race([query, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** `GET /api/health`: 200 while the database answers, 503 with `Retry-After` while it does not. */
export function registerHealth(app: FastifyInstance, db: Db): void {
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['system'], security: [] } },
    async (_req, reply) => {
      if (await databaseAnswers(db)) return { status: 'ok', database: 'up' }
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ status: 'unavailable', database: 'down' })
    },
  )
}
