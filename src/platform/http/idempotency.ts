import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { RequestActor } from '../../app/identity/actor.ts'
import { canonicalJson } from '../audit/audit-hash.ts'
import type { Db, Executor, Tx } from '../db/database.ts'
import { deferWrite } from '../db/deferred-writes.ts'
import { sendWithNext } from '../db/send-together.ts'
import { AnswerAfterRollback, isStoreTransaction } from '../db/store-transaction.ts'
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
 * Runs a create at most once per (user, key). The key row is inserted first in the same transaction: a concurrent
 * retry blocks on it until the first commits, then answers the stored result instead of writing. If the first
 * attempt fails, its transaction (key included) rolls back and a retry runs afresh.
 *
 * In a store transaction the key's insert goes out with the first statement of `run` (`sendWithNext`: one round
 * trip less per create, issue 13). Once its answer says the key is taken, `run`'s later statements are refused
 * unsent, so `run` fails at its next one (or ends, if it had nothing more to send); the retry then rolls back what
 * `run` did (`AnswerAfterRollback`) and answers the first result, as if it had looked first. Should `run` fail, its
 * error stands only if the key was this attempt's: a retry of a create that succeeded gets the first result,
 * whatever `run` now thinks.
 */
export async function idempotent<T>(o: IdempotentOptions<T>): Promise<{ result: T; replayed: boolean }> {
  if (!o.key) return { result: await o.run(), replayed: false }
  const requestHash = createHash('sha256').update(canonicalJson(o.request)).digest('hex')
  const claim = o.trx
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
  if (!isStoreTransaction(o.trx)) {
    if (!(await claim.executeTakeFirst()))
      return { result: await prior(o.trx, o, requestHash), replayed: true }
    return { result: await runAndStore(o), replayed: false }
  }
  // A taken key stops the create at its next statement: a retry does not run it through only to roll it back.
  const claimed = await sendWithNext(o.trx, claim, (rows) => rows.length === 0)
  let result: T
  try {
    result = await o.run()
  } catch (err) {
    // A claim that failed with the statement beside it: the transaction failed, and `err` says why.
    if ((await claimed.rows().catch(() => null))?.length !== 0) throw err
    throw answerPrior(o, requestHash)
  }
  if ((await claimed.rows()).length === 0) throw answerPrior(o, requestHash)
  await storeResponse(o, result)
  return { result, replayed: false }
}

async function runAndStore<T>(o: IdempotentOptions<T>): Promise<T> {
  const result = await o.run()
  await storeResponse(o, result)
  return result
}

/** Sent with the transaction's other deferred writes (its audit entries), one statement instead of two. */
async function storeResponse<T>(o: IdempotentOptions<T>, result: T): Promise<void> {
  const response = JSON.stringify(result)
  await deferWrite(o.trx, 'idempotency_keys', () =>
    o.trx
      .updateTable('idempotency_keys')
      .set({ response })
      .where('user_id', '=', o.userId)
      .where('key', '=', o.key!),
  )
}

function answerPrior<T>(o: IdempotentOptions<T>, requestHash: string) {
  return new AnswerAfterRollback(async (db) => ({ result: await prior(db, o, requestHash), replayed: true }))
}

/** The first attempt's answer, for a retry with the same request; the same key on another request is refused. */
async function prior<T>(db: Executor, o: IdempotentOptions<T>, requestHash: string): Promise<T> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('user_id', '=', o.userId)
    .where('key', '=', o.key!)
    .executeTakeFirst()
  // Gone between the two looks: only the week-old keys' clean-up deletes them. The client may try again.
  if (!row) throw new AppError('conflict')
  if (row.operation !== o.operation || row.request_hash !== requestHash)
    throw new AppError('idempotency_key_reused')
  return row.response as T
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
