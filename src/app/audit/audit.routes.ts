import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { verifyAuditChain } from '../../platform/audit/audit-log.ts'
import type { AuditRow } from '../../platform/db/schema.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { text } from '../../platform/http/text.ts'
import { authorize } from '../identity/authorize.ts'
import { listAuditEntries } from './audit.repository.ts'

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
  hash: z.string(),
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
    hash: e.hash,
  }
}

const DAY = 86_400_000

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store

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
    {
      schema: {
        tags: ['audit'],
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number(),
            brokenAt: z.number().optional(),
            reason: z.string().optional(),
          }),
        },
      },
    },
    async (req) => {
      authorize(actorOf(req), 'verify', 'audit')
      return verifyAuditChain(db)
    },
  )
}
