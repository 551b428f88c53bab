import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { readSigningKey } from '../../platform/audit/signing-key.ts'
import type { AuditRow } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { text } from '../../platform/http/text.ts'
import { authorize } from '../identity/authorize.ts'
import { listAuditEntries } from './audit.repository.ts'
import { checkpointSettingsOf } from './checkpoint-settings.ts'
import { acceptOperatorToken, type SeenNonces } from './operator-token.ts'
import { verifyAuditLogShared } from './verify-audit-log.ts'

const AuditQuery = z.strictObject({
  actor: text().max(100).optional(),
  action: text().max(60).optional(),
  resource: text().max(60).optional(),
  recordId: text().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})

const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  resource: z.string(),
  recordId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.unknown(),
  /** Place in the hash chain and hash; both null until the sealer has chained the entry (a second or so). */
  pos: z.number().nullable(),
  hash: z.string().nullable(),
})

function presentAuditEntry(e: AuditRow) {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actorUsername: e.actor_username,
    action: e.action,
    resource: e.resource,
    recordId: e.record_id,
    ip: e.ip,
    details: e.details,
    pos: e.pos === null ? null : Number(e.pos),
    hash: e.hash,
  }
}

const CheckpointRefView = z.object({
  size: z.number().optional(),
  lastSeq: z.number().optional(),
  time: z.string().optional(),
  source: z.string(),
})

/** The verification report: `reason` says what failed, the other fields where (see audit-verify.ts). */
const VerifyReportView = z.object({
  ok: z.boolean(),
  entries: z.number(),
  checkpoints: z.number(),
  reason: z
    .enum(['hash_mismatch', 'link_mismatch', 'checkpoint_mismatch', 'entries_missing', 'checkpoint_invalid'])
    .optional(),
  brokenAt: z.number().optional(),
  missing: z.number().optional(),
  problem: z.enum(['format', 'signature', 'origin', 'no_key']).optional(),
  checkpoint: CheckpointRefView.optional(),
  latest: CheckpointRefView.optional(),
  /** Committed entries not yet sealed into the chain, and when the oldest was written. */
  unsealed: z.number().optional(),
  oldestUnsealedAt: z.string().nullable().optional(),
})

const OPERATOR_HEADER = 'x-passage-audit-token'
const DAY = 86_400_000

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const settings = checkpointSettingsOf(ctx.config)
  const seen: SeenNonces = new Map()

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: z.object({ items: z.array(AuditEntryView), total: z.number() }) },
      },
    },
    async (req) => {
      authorize(actorOf(req), 'read', 'audit')
      const { from, to, ...rest } = req.query
      const { rows, total } = await listAuditEntries(db, {
        ...rest,
        from: from ? new Date(`${from}T00:00:00Z`) : undefined,
        // `to` is inclusive for people: entries of that whole day are included.
        to: to ? new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY) : undefined,
      })
      return { items: rows.map(presentAuditEntry), total }
    },
  )

  r.get(
    '/api/audit/verify',
    { schema: { tags: ['audit'], response: { 200: VerifyReportView } } },
    async (req) => {
      authorize(actorOf(req), 'verify', 'audit')
      return verifyAuditLogShared({ db, settings })
    },
  )

  // For `passage audit verify --url` (a cron job on the server itself): no session, a token signed with the
  // checkpoint key instead (operator-token.ts). Anything else is refused before the log is read.
  r.get(
    '/api/audit/verify/operator',
    {
      config: { public: true },
      schema: {
        tags: ['audit'],
        security: [],
        headers: z.object({ [OPERATOR_HEADER]: z.string().max(400).optional() }),
        response: { 200: VerifyReportView },
      },
    },
    async (req) => {
      const key = readSigningKey(settings.keyFile)
      const token = req.headers[OPERATOR_HEADER]
      if (!key || !acceptOperatorToken({ token, origin: settings.origin, key, seen }))
        throw new AppError('not_authenticated')
      return verifyAuditLogShared({ db, settings })
    },
  )
}
