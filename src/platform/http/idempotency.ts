import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { RequestActor } from '../../app/identity/actor.ts'
import { canonicalJson } from '../audit/audit-hash.ts'
import type { Db, Tx } from '../db/database.ts'
import { deferWrite } from '../db/deferred-writes.ts'
import { AppError } from '../errors/codes.ts'
import { actorOf } from './auth-hooks.ts'

export const IDEMPOTENCY_HEADER = 'idempotency-key'
/** A client retries within minutes; a week covers a post that was offline over a long weekend. */
export const IDEMPOTENCY_KEY_DAYS = 7

export async function deleteOldIdempotencyKeys(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute()
}

export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const raw = req.headers[IDEMPOTENCY_HEADER]
  if (raw === undefined) return undefined
  if (typeof raw !== 'string' || !/^[\w.:-]{8,200}$/.test(raw)) {
    throw new AppError('validation_failed', {}, [
      { path: 'header.idempotency-key', code: 'validation.idempotency_key' },
    ])
  }
  return raw
}

export interface IdempotentOptions<T> {
  trx: Tx
  userId: string
  key: string | undefined
  /** Names the endpoint, so one key cannot be replayed against another operation. */
  operation: string
  request: unknown
  run: () => Promise<T>
}

/**
 * Runs a create at most once per (user, key). The key row is inserted first in the same transaction:
 * a concurrent retry blocks on it until the first commits, then reads the stored result instead of writing.
 * If the first attempt fails, its transaction (key included) rolls back and a retry runs afresh.
 */
export async function idempotent<T>(o: IdempotentOptions<T>): Promise<{ result: T; replayed: boolean }> {
  if (!o.key) return { result: await o.run(), replayed: false }
  const requestHash = createHash('sha256').update(canonicalJson(o.request)).digest('hex')
  const claimed = await o.trx
    .insertInto('idempotency_keys')
    .values({
      user_id: o.userId,
      key: o.key,
      operation: o.operation,
      request_hash: requestHash,
      response: 'null',
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst()
  if (!claimed) {
    const prior = await o.trx
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', o.userId)
      .where('key', '=', o.key)
      .executeTakeFirstOrThrow()
    if (prior.operation !== o.operation || prior.request_hash !== requestHash)
      throw new AppError('idempotency_key_reused')
    return { result: prior.response as T, replayed: true }
  }
  const result = await o.run()
  // Sent with the transaction's other deferred writes (its audit entries), one statement instead of two.
  const response = JSON.stringify(result)
  await deferWrite(o.trx, 'idempotency_keys', () =>
    o.trx
      .updateTable('idempotency_keys')
      .set({ response })
      .where('user_id', '=', o.userId)
      .where('key', '=', o.key!),
  )
  return { result, replayed: false }
}

/**
 * The whole create path of a route: one transaction, the idempotency key honoured, 201 for a new record and
 * 200 with the first result for a retry.
 */
export async function replyCreated<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  operation: string,
  run: (trx: Tx, actor: RequestActor) => Promise<T>,
) {
  const actor = actorOf(req)
  const key = idempotencyKeyOf(req)
  const { result, replayed } = await db.transaction().execute((trx) =>
    idempotent({
      trx,
      userId: actor.id,
      key,
      operation,
      // Path parameters name the record a create hangs off (`/crossings/secondary/:id/examinations`): part of the request.
      request: { params: req.params, body: req.body },
      run: () => run(trx, actor),
    }),
  )
  return reply.code(replayed ? 200 : 201).send(result)
}
